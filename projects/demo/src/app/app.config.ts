import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideGenesysChat } from 'ngx-genesys-chat';
import { EMULATOR_URL, demoSettings } from './demo-settings';

const settings = demoSettings(typeof location === 'undefined' ? '' : location.search);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideGenesysChat(settings.chat),
    { provide: EMULATOR_URL, useValue: settings.emulatorUrl },
  ],
};
