const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * True when a key press went to something the user types into, inside the host (an input, a
 * textarea, a select, or contenteditable content): Enter and Space there are the user's typing,
 * not an activation of the host. The nearest explicit `contenteditable` decides, so a
 * `contenteditable="false"` island inside an editor still activates. The host itself is not
 * checked: a host is a button, not a field.
 */
export function typedIntoField(target: EventTarget | null, host: Element): boolean {
  for (let el = target as Element | null; el && el !== host; el = el.parentElement) {
    if (FIELDS.has(el.tagName)) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null) return editable !== 'false';
  }
  return false;
}
