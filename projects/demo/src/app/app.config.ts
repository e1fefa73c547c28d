import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideClientHydration } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { provideGenesysChat, withChatTelemetry } from 'ngx-genesys-chat';
import { withRouterContext } from 'ngx-genesys-chat/router';
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
    // One page with in-page routes (the help links): the route rides as the pageRoute attribute.
    provideRouter([{ path: '**', children: [] }]),
    provideGenesysChat(
      settings.chat,
      // pageView: route changes are journey page views where the deployment has journey events on.
      withRouterContext({ pageView: true }),
      // The host's own monitoring would go here; the demo writes codes and durations to the console.
      withChatTelemetry((event) => console.info('[chat telemetry]', JSON.stringify(event))),
      ...auth.features,
    ),
    ...auth.providers,
    { provide: EMULATOR_URL, useValue: settings.emulatorUrl },
  ],
};
