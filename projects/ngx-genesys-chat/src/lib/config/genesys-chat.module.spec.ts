import { Component, NgModule } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { GENESYS_CHAT_CONFIG } from './genesys-chat-config';
import { GenesysChatModule } from './genesys-chat.module';

@Component({
  standalone: false,
  selector: 'legacy-chat',
  template: `<button [genesysStartChat]="'CRM-LEGACY'" (chatStarted)="started = true">
    Chat
  </button>`,
})
class LegacyChatComponent {
  started = false;
}

@NgModule({
  imports: [GenesysChatModule],
  declarations: [LegacyChatComponent],
  exports: [LegacyChatComponent],
})
class FeatureModule {}

describe('GenesysChatModule', () => {
  beforeEach(() => resetGenesysPage());

  it('configures an NgModule app with forRoot and gives declared components the directive', async () => {
    const config = {
      deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
      environment: 'prod-euw1',
      load: 'manual',
    } as const;
    TestBed.configureTestingModule({ imports: [GenesysChatModule.forRoot(config), FeatureModule] });
    expect(TestBed.inject(GENESYS_CHAT_CONFIG)).toBe(config);

    const fake = new FakeGenesys();
    const fixture = TestBed.createComponent(LegacyChatComponent);
    fixture.autoDetectChanges();
    await fixture.whenStable();
    (fixture.nativeElement.querySelector('button') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.bootstrap();
    fake.emitReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fixture.componentInstance.started).toBe(true);
    expect(fake.attributes).toEqual({ crmCustomerId: 'CRM-LEGACY' });
  });
});
