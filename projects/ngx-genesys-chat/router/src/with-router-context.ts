import { DOCUMENT, DestroyRef, inject, provideEnvironmentInitializer } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { type GenesysChatFeature, GenesysChatService } from 'ngx-genesys-chat';
import { routePath } from './route-path';

/** Options of {@link withRouterContext}. */
export interface RouterContextOptions {
  /** The custom attribute that carries the route. Default `'pageRoute'`. */
  readonly key?: string;
  /** At most one update per this many milliseconds; the last route of a burst wins. Default 1000. */
  readonly throttleMs?: number;
  /**
   * Also record each later navigation as a journey page view (`Journey.pageview` with the page's
   * title and its location without query or fragment), where the deployment has journey events
   * on and Messenger is loaded. The first navigation is not sent: set the deployment's page-view
   * tracking to *Once*, so Messenger records the page load and this the route changes, and no
   * navigation counts twice. Default false.
   */
  readonly pageView?: boolean;
}

/**
 * Sets a custom attribute (default `pageRoute`) to the route's path on each `NavigationEnd`,
 * without query string or fragment, so an agent and a flow see where the customer was.
 *
 * ```ts
 * provideGenesysChat({ deploymentId, region: 'eu-west-1' }, withRouterContext());
 * ```
 * It loads nothing: before Messenger is loaded the route waits and rides with the first
 * `Database.set` (the start's). It never changes a start in progress, and it is left out of a
 * start whose attributes would not fit the 2048-byte budget with it. The customer's own attribute
 * of the same name wins. `clearIdentity()` removes the customer's attributes; the route, which is
 * not personal data, may be written again afterwards.
 */
export function withRouterContext(options: RouterContextOptions = {}): GenesysChatFeature {
  const key = options.key ?? 'pageRoute';
  const throttleMs = options.throttleMs ?? 1000;
  return {
    kind: 'router-context',
    providers: [
      provideEnvironmentInitializer(() => {
        const chat = inject(GenesysChatService);
        const router = inject(Router);
        const document = inject(DOCUMENT);
        let navigations = 0;
        let timer: ReturnType<typeof setTimeout> | null = null;
        let latest: string | null = null;
        let lastSent = -Infinity;
        const send = () => {
          timer = null;
          lastSent = Date.now();
          if (latest !== null) chat.ɵsetContext({ [key]: latest });
        };
        const subscription = router.events.subscribe((event) => {
          if (!(event instanceof NavigationEnd)) return;
          latest = routePath(event.urlAfterRedirects);
          // The page load itself is the deployment's to record (pageview tracking Once).
          if (options.pageView && ++navigations > 1) {
            const origin = document.defaultView?.location.origin ?? '';
            chat.ɵpageView({ pageTitle: document.title, pageLocation: `${origin}${latest}` });
          }
          if (timer !== null) return; // the pending update takes the latest route
          const wait = lastSent + throttleMs - Date.now();
          if (wait <= 0) send();
          else timer = setTimeout(send, wait);
        });
        inject(DestroyRef).onDestroy(() => {
          subscription.unsubscribe();
          if (timer !== null) clearTimeout(timer);
        });
      }),
    ],
  };
}
