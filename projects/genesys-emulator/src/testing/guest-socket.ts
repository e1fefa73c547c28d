import { WebSocket } from 'ws';

/** A minimal Guest API client for the security and fuzz specs: open, send, wait for a frame or the close. */
export class GuestSocket {
  readonly frames: { class?: string; code?: number; tracingId?: string; body?: unknown }[] = [];
  readonly closed: Promise<number>;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      this.frames.push(JSON.parse(raw.toString()) as GuestSocket['frames'][number]);
      this.waiters.splice(0).forEach((w) => w());
    });
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined); // a refused or dropped socket is an outcome the spec reads from `closed`
  }

  static open(
    url: string,
    deploymentId: string,
    origin = 'http://127.0.0.1:4200',
  ): Promise<GuestSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/v1?deploymentId=${deploymentId}`, {
      origin,
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new GuestSocket(ws)));
      ws.once('error', reject);
    });
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Sends a frame and resolves with the first answer carrying its tracing id. */
  async ask(
    body: Record<string, unknown>,
    timeoutMs = 2000,
  ): Promise<GuestSocket['frames'][number]> {
    const tracingId = body['tracingId'] as string;
    this.ws.send(JSON.stringify(body));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => f.tracingId === tracingId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no answer to ${tracingId}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.ws.terminate();
  }
}

/** A full, ordinary guest session: connect, configure, send one text, read the echo. */
export async function normalSession(
  url: string,
  deploymentId: string,
): Promise<string | undefined> {
  const guest = await GuestSocket.open(url, deploymentId);
  try {
    const token = crypto.randomUUID();
    await guest.ask({ action: 'configureSession', token, deploymentId, tracingId: 'cfg' });
    const echo = await guest.ask({
      action: 'onMessage',
      token,
      tracingId: 'hello',
      message: { type: 'Text', text: 'still here?' },
    });
    return echo.class;
  } finally {
    guest.close();
  }
}
