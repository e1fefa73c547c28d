import type { NgZone } from '@angular/core';

/** Something a click or an Enter/Space key press on its host element activates. */
export interface Activatable {
  activate(event: Event): void;
}

const hosts = new WeakMap<Element, Activatable>();
const documents = new WeakSet<Document>();

/**
 * Routes clicks and key presses to directive instances through one pair of capture-phase listeners
 * per document, instead of two listeners per element: a page may render a chat button on every
 * row of a thousand-row table, and an instance then costs one WeakMap entry, no listener, no
 * closure. Capture phase, so an app handler that stops propagation cannot swallow the activation.
 * The listeners are added outside Angular's zone, so a click elsewhere on the page costs no change
 * detection.
 */
export function registerActivation(host: Element, target: Activatable, zone: NgZone): void {
  hosts.set(host, target);
  const doc = host.ownerDocument;
  if (documents.has(doc)) return;
  documents.add(doc);
  zone.runOutsideAngular(() => {
    doc.addEventListener('click', route, true);
    doc.addEventListener('keydown', route, true);
  });
}

/**
 * Forgets a host whose directive is destroyed. Its element can outlive the directive (a leave
 * animation keeps it on screen), and a click on it then must reach nothing.
 */
export function unregisterActivation(host: Element): void {
  hosts.delete(host);
}

/** The one listener, shared by every document: the nearest registered host of the target wins. */
function route(event: Event): void {
  for (let el = event.target as Element | null; el; el = el.parentElement) {
    const found = hosts.get(el);
    if (found) {
      found.activate(event);
      return;
    }
  }
}
