import { InjectionToken } from '@angular/core';
import type { AuthProviderSettings } from './auth-provider-registration';

/** @internal The page settings `withAuthenticatedMessaging()` was given. */
export const ɵGENESYS_AUTH_SETTINGS = new InjectionToken<AuthProviderSettings>(
  'ɵGENESYS_AUTH_SETTINGS',
);
