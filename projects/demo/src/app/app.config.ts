import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideGenesysChat } from 'ngx-genesys-chat';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideGenesysChat({
      deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
      region: 'eu-west-1',
      load: 'interaction',
    }),
  ],
};
