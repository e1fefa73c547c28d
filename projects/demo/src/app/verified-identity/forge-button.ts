import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type GenesysChatError, GenesysChatService } from 'ngx-genesys-chat';

/** Another customer's CRM id with the premium tier: Eve Fischer in the demo's table. */
export const FORGED = { id: 'CRM-50005-EFI', tier: 'premium' } as const;

/**
 * What any visitor can do from the console: claim another customer's `crmCustomerId` and
 * `customerTier: 'premium'`. With authentication on, the claim disagrees with the verified
 * identity, so the emulator's routing flags it (Verification Mismatch) and never grants premium.
 */
@Component({
  selector: 'demo-forge-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="forge" data-testid="forge" [disabled]="busy()" (click)="forge()">
      Forge the CRM id
    </button>
    <span class="hint">claims {{ forged.id }} ({{ forged.tier }}) from this browser</span>
    @if (outcome()) {
      <p role="status" data-testid="forge-outcome">{{ outcome() }}</p>
    }
  `,
})
export class ForgeButton {
  private readonly chat = inject(GenesysChatService);
  protected readonly forged = FORGED;
  protected readonly busy = signal(false);
  protected readonly outcome = signal('');

  protected async forge(): Promise<void> {
    this.busy.set(true);
    try {
      await this.chat.startChat(FORGED, { message: 'Hi, this is Eve. Please read me my orders.' });
      this.outcome.set('Forged claim sent. See where Genesys routed it.');
    } catch (e) {
      const error = e as GenesysChatError;
      this.outcome.set(`${error.code ?? 'ERROR'}: ${error.message}`);
    } finally {
      this.busy.set(false);
    }
  }
}
