import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { GenesysChatService, isGenesysChatError } from 'ngx-genesys-chat';

/**
 * A help page's controls, with no customer: `open()` and `close()` the panel, and
 * `showLauncher()` / `hideLauncher()` for a deployment whose launcher visibility is *On Demand*
 * (the demo deployment's). `isOpen` follows `Conversations.opened` / `closed`. The Returns link is
 * an in-page route: `withRouterContext()` sends its path (never the query) as `pageRoute`.
 */
@Component({
  selector: 'demo-help-controls',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      font-size: 14px;
    }
  `,
  template: `
    <h2>Help, without a customer</h2>
    <button type="button" data-testid="help-open" (click)="run(chat.open())">Open help</button>
    <button type="button" data-testid="help-close" (click)="run(chat.close())">Close</button>
    <button type="button" data-testid="launcher-show" (click)="run(chat.showLauncher())">
      Show launcher
    </button>
    <button type="button" data-testid="launcher-hide" (click)="run(chat.hideLauncher())">
      Hide launcher
    </button>
    <a routerLink="/help/returns" [queryParams]="{ order: 'ORD-981' }" data-testid="route-returns"
      >Returns help</a
    >
    <span data-testid="is-open">Panel: {{ chat.isOpen() ? 'open' : 'closed' }}</span>
    @if (problem()) {
      <span role="alert" data-testid="help-error">{{ problem() }}</span>
    }
  `,
})
export class HelpControls {
  protected readonly chat = inject(GenesysChatService);
  protected readonly problem = signal('');

  protected run(action: Promise<void>): void {
    this.problem.set('');
    action.catch((error: unknown) =>
      this.problem.set(isGenesysChatError(error) ? error.code : 'unexpected error'),
    );
  }
}
