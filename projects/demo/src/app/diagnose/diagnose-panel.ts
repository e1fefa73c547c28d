import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type GenesysDiagnosis, GenesysChatService } from 'ngx-genesys-chat';

/** "Why isn't chat working?": runs GenesysChatService.diagnose() and lists the findings. */
@Component({
  selector: 'demo-diagnose-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Diagnostics</h2>
    <button type="button" data-testid="diagnose" (click)="run()">Why isn't chat working?</button>
    @if (result(); as d) {
      @if (d.ok) {
        <p class="hint" data-testid="diagnosis-ok">No problem found.</p>
      } @else {
        <ul class="findings" data-testid="findings">
          @for (f of d.findings; track f.code) {
            <li>
              <code>{{ f.code }}</code> {{ f.message }} <em>{{ f.fix }}</em>
            </li>
          }
        </ul>
      }
    }
  `,
})
export class DiagnosePanel {
  private readonly chat = inject(GenesysChatService);
  protected readonly result = signal<GenesysDiagnosis | null>(null);

  protected run(): void {
    this.chat.diagnose().then((d) => this.result.set(d));
  }
}
