import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideClientHydration } from '@angular/platform-browser';
import { provideGenesysChat } from 'ngx-genesys-chat';
import { EMULATOR_URL, demoSettings } from './demo-settings';

const settings = demoSettings(typeof location === 'undefined' ? '' : location.search);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // The page may come server-rendered (tests/ssr); hydration keeps its DOM.
    provideClientHydration(),
    provideGenesysChat(settings.chat),
    { provide: EMULATOR_URL, useValue: settings.emulatorUrl },
  ],
};
