import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideClientHydration } from '@angular/platform-browser';
import { provideGenesysChat } from 'ngx-genesys-chat';
import { EMULATOR_URL, demoSettings } from './demo-settings';
import { demoAuth } from './auth/demo-auth';
import { demoQuery } from './auth/demo-query';

// `?auth=oidc|oauth2-oidc` adds the sign-in and authenticated messaging (auth/demo-auth.ts);
// only then are the OIDC libraries imported.
const auth = await demoAuth(
  demoQuery(typeof window === 'undefined' ? null : window),
  typeof location === 'undefined' ? '' : location.origin,
);
const settings = demoSettings(auth.search);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // The page may come server-rendered (tests/ssr); hydration keeps its DOM.
    provideClientHydration(),
    provideGenesysChat(settings.chat, ...auth.features),
    ...auth.providers,
    { provide: EMULATOR_URL, useValue: settings.emulatorUrl },
  ],
};
