/*
 * The emulator's minimal Messenger panel and launcher, drawn with DOM APIs only (no innerHTML):
 * message text is always set with textContent. Bundled into genesys-bootstrap.js by esbuild.
 * Inline styles keep the stand-in self-contained: the page needs no stylesheet from the emulator.
 */

/** What the panel's controls ask the bootstrap to do. */
export interface MessengerUiActions {
  open(): void;
  close(): void;
  /** The customer pressed Send with non-blank text. */
  send(text: string): void;
}

export interface MessengerUi {
  show(): void;
  hide(): void;
  launcher(visible: boolean): void;
  add(direction: 'Inbound' | 'Outbound', text: string): void;
  note(text: string): void;
  clear(): void;
}

export function buildMessengerUi(actions: MessengerUiActions): MessengerUi {
  const root = document.createElement('section');
  root.id = 'genesys-emulator-messenger';
  root.setAttribute('aria-label', 'Messenger');
  Object.assign(root.style, {
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    width: '300px',
    height: '380px',
    display: 'none',
    flexDirection: 'column',
    background: '#fff',
    border: '1px solid #c9d3e3',
    borderRadius: '10px',
    boxShadow: '0 6px 24px #0003',
    font: '14px system-ui, sans-serif',
    zIndex: '2147483000',
    overflow: 'hidden',
  });
  const header = document.createElement('header');
  Object.assign(header.style, {
    background: '#2d6cdf',
    color: '#fff',
    padding: '10px 12px',
    display: 'flex',
    justifyContent: 'space-between',
  });
  const title = document.createElement('strong');
  title.textContent = 'Messenger (emulator)';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close Messenger');
  Object.assign(close.style, {
    background: 'none',
    border: '0',
    color: '#fff',
    fontSize: '18px',
    cursor: 'pointer',
  });
  close.addEventListener('click', () => actions.close());
  header.append(title, close);
  const list = document.createElement('div');
  list.setAttribute('role', 'log');
  Object.assign(list.style, {
    flex: '1',
    overflowY: 'auto',
    padding: '10px',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
  });
  const form = document.createElement('form');
  Object.assign(form.style, {
    display: 'flex',
    gap: '6px',
    padding: '8px',
    borderTop: '1px solid #e3e8f0',
  });
  const input = document.createElement('input');
  input.setAttribute('aria-label', 'Type a message');
  input.placeholder = 'Type a message';
  Object.assign(input.style, { flex: '1', padding: '6px 8px' });
  const send = document.createElement('button');
  send.type = 'submit';
  send.textContent = 'Send';
  form.append(input, send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    actions.send(text);
  });
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.textContent = 'Chat';
  launcher.setAttribute('aria-label', 'Open Messenger');
  Object.assign(launcher.style, {
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    display: 'none',
    zIndex: '2147483000',
  });
  launcher.addEventListener('click', () => actions.open());
  root.append(header, list, form);
  document.body.append(root, launcher);

  const bubble = (direction: 'Inbound' | 'Outbound' | 'note', text: string) => {
    const item = document.createElement('div');
    item.className = `genesys-emulator-${direction.toLowerCase()}`;
    item.textContent = text; // message text is never parsed as HTML
    Object.assign(item.style, {
      alignSelf: direction === 'Inbound' ? 'flex-end' : 'flex-start',
      background:
        direction === 'Inbound' ? '#2d6cdf' : direction === 'Outbound' ? '#eef2f8' : 'transparent',
      color: direction === 'Inbound' ? '#fff' : direction === 'note' ? '#b3261e' : '#1d2533',
      padding: '6px 10px',
      borderRadius: '12px',
      maxWidth: '80%',
      overflowWrap: 'anywhere',
    });
    list.append(item);
    list.scrollTop = list.scrollHeight;
  };
  return {
    show: () => {
      root.style.display = 'flex';
      input.focus();
    },
    hide: () => (root.style.display = 'none'),
    launcher: (visible: boolean) => (launcher.style.display = visible ? 'block' : 'none'),
    add: (direction: 'Inbound' | 'Outbound', text: string) => bubble(direction, text),
    note: (text: string) => bubble('note', text),
    clear: () => list.replaceChildren(),
  };
}
