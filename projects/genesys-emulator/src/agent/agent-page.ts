/*
 * The emulator's agent page: lists conversations with their attributes, queue and messages, and
 * replies as an agent. Polls GET /emulator/conversations with the page's admin token; every value
 * is written with textContent.
 */
(() => {
  interface Summary {
    id: string;
    state: string;
    queueName: string;
    attributes: Record<string, string>;
    /** Emulator-only: what the web-messaging JWT verified (authenticated deployments). */
    verifiedIdentity?: { subject: string; externalId: string | null; claimMismatch: boolean };
    messages: { id: string; direction: string; text: string; time: string }[];
    /** A Typing event in the last 5 s (deployments with showUserTypingIndicator). */
    customerTyping?: boolean;
  }
  const root = document.getElementById('conversations')!;
  // The emulator embeds its admin token in this same-origin page; every /emulator/* call sends it.
  const token =
    document.querySelector<HTMLMetaElement>('meta[name="genesys-emulator-token"]')?.content ?? '';
  const headers = { 'X-Emulator-Token': token };
  const drafts = new Map<string, string>();

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    text?: string,
    className?: string,
  ): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  /** The verified identity beside the claims, so the agent sees which to trust. */
  function verified(c: Summary): HTMLElement {
    const v = c.verifiedIdentity;
    if (!v) return el('p', 'Not authenticated: the attributes below are claims.', 'unverified');
    const p = el('p', `Subject ${v.subject}, external id ${v.externalId ?? '(none)'}`, 'verified');
    if (v.claimMismatch)
      p.append(el('strong', ' - the claimed id does not match the verified one', 'mismatch'));
    return p;
  }

  function render(conversations: Summary[]): void {
    // Keep what the agent is typing across refreshes.
    root.querySelectorAll('input[data-id]').forEach((input) => {
      drafts.set((input as HTMLInputElement).dataset['id']!, (input as HTMLInputElement).value);
    });
    if (conversations.length === 0) {
      root.replaceChildren(el('p', 'No conversations yet.'));
      return;
    }
    root.replaceChildren(
      ...conversations
        .slice()
        .reverse()
        .map((c) => {
          const card = el('article', undefined, 'conversation');
          card.append(el('h2', `Conversation ${c.id.slice(0, 8)} (${c.state})`));
          const queue = el('p', 'Queue: ');
          queue.append(el('span', c.queueName, 'queue'));
          card.append(queue);
          const table = el('table');
          for (const [k, v] of Object.entries(c.attributes)) {
            const row = el('tr');
            row.append(el('td', k), el('td', v));
            table.append(row);
          }
          card.append(el('h3', 'Verified identity'), verified(c));
          card.append(el('h3', 'Customer attributes (claimed)'), table, el('h3', 'Messages'));
          for (const m of c.messages)
            card.append(
              el(
                'p',
                `${m.direction === 'Inbound' ? 'Customer' : 'Agent'}: ${m.text}`,
                m.direction,
              ),
            );
          if (c.customerTyping) card.append(el('p', 'Customer is typing…', 'typing'));
          const form = el('form');
          const input = el('input');
          input.dataset['id'] = c.id;
          input.placeholder = 'Reply as the agent';
          input.value = drafts.get(c.id) ?? '';
          const button = el('button', 'Reply');
          form.append(input, button);
          form.addEventListener('submit', (event) => {
            event.preventDefault();
            const text = input.value;
            drafts.delete(c.id);
            input.value = '';
            void fetch(`/emulator/conversations/${c.id}/reply`, {
              method: 'POST',
              headers: { ...headers, 'Content-Type': 'application/json' },
              body: JSON.stringify({ text }),
            }).then(refresh);
          });
          if (c.state === 'connected') {
            const end = el('button', 'Disconnect');
            end.type = 'button';
            end.addEventListener('click', () => {
              void fetch(`/emulator/conversations/${c.id}/disconnect`, {
                method: 'POST',
                headers: { ...headers, 'Content-Type': 'application/json' },
                body: '{}',
              }).then(refresh);
            });
            form.append(end);
          }
          card.append(form);
          return card;
        }),
    );
  }

  async function refresh(): Promise<void> {
    if (document.activeElement instanceof HTMLInputElement && document.activeElement.value) return;
    const response = await fetch('/emulator/conversations', { headers });
    if (response.ok) render((await response.json()) as Summary[]);
  }

  void refresh();
  setInterval(() => void refresh(), 1500);
})();
