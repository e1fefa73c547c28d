import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { GenesysChatService } from 'ngx-genesys-chat';
import { merge, map } from 'rxjs';

interface LogLine {
  readonly time: string;
  readonly text: string;
}

/** Status changes and Messenger events, newest first. Message texts are not shown: only their count. */
@Component({
  selector: 'demo-event-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Event log</h2>
    <ol class="log" aria-live="polite">
      @for (line of lines(); track $index) {
        <li>
          <time>{{ line.time }}</time> {{ line.text }}
        </li>
      }
    </ol>
  `,
})
export class EventLog {
  protected readonly lines = signal<LogLine[]>([]);

  constructor() {
    const chat = inject(GenesysChatService);
    const subscription = merge(
      chat.status$.pipe(map((status) => `status → ${status}`)),
      chat.events$.pipe(
        map((event) => {
          switch (event.type) {
            case 'messagesReceived':
              return `messagesReceived (${event.messages.length})`;
            case 'error':
              return `error ${event.error.code}`;
            case 'conversationDisconnected':
              return event.readOnly ? 'conversationDisconnected (read-only)' : event.type;
            default:
              return event.type;
          }
        }),
      ),
    ).subscribe((text) =>
      this.lines.update((lines) =>
        [{ time: new Date().toLocaleTimeString(), text }, ...lines].slice(0, 50),
      ),
    );
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
}
