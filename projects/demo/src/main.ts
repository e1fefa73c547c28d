import { type ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

let app: ApplicationRef | null = null;

async function start(): Promise<void> {
  if (!document.querySelector('app-root')) document.body.append(document.createElement('app-root'));
  app = await bootstrapApplication(App, appConfig);
}

start().catch((err) => console.error(err));

// The reliability tests destroy and re-create the whole app mid-flight (?testHooks=1 only).
if (new URLSearchParams(location.search).has('testHooks')) {
  (window as unknown as { demoApp: object }).demoApp = {
    destroy: () => {
      app?.destroy();
      app = null;
    },
    create: start,
  };
}
