import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeGenesys, resetGenesysPage } from '../../test-helpers/fake-genesys';
import { ɵGENESYS_CHAT_PENDING_TASKS } from '../config/genesys-chat-feature';
import { provideGenesysChat } from '../config/provide-genesys-chat';
import { GenesysChatService } from './genesys-chat.service';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function setup(pendingTasks?: boolean) {
  TestBed.configureTestingModule({
    providers: [
      provideGenesysChat({
        deploymentId: '3f1c7d8e-2b4a-4c6d-9e8f-0a1b2c3d4e5f',
        region: 'eu-west-1',
        load: 'manual',
      }),
      pendingTasks === undefined
        ? []
        : { provide: ɵGENESYS_CHAT_PENDING_TASKS, useValue: pendingTasks },
    ],
  });
  const app = TestBed.inject(ApplicationRef);
  let stable = false;
  const watchStable = () => app.whenStable().then(() => (stable = true));
  return {
    service: TestBed.inject(GenesysChatService),
    fake: new FakeGenesys(),
    watchStable,
    stable: () => stable,
  };
}

describe('ɵGENESYS_CHAT_PENDING_TASKS (the contract with ngx-genesys-chat/testing)', () => {
  beforeEach(() => resetGenesysPage());
  afterEach(() => TestBed.resetTestingModule());

  it('when true, a call in progress keeps the app unstable until it settles, so whenStable() waits for it', async () => {
    const ctx = setup(true);
    const started = ctx.service.startChat('A-1');
    void ctx.watchStable();
    await settle();
    ctx.fake.bootstrap();
    await settle();
    expect(ctx.stable()).toBe(false);
    ctx.fake.emitReady();
    await started;
    await settle();
    expect(ctx.stable()).toBe(true);
  });

  it('by default (production) chat calls never hold the app unstable, so hydration does not wait for Messenger', async () => {
    const ctx = setup();
    const loading = ctx.service.load();
    void ctx.watchStable();
    await settle();
    await settle();
    expect(ctx.stable()).toBe(true);
    ctx.fake.bootstrap();
    ctx.fake.emitReady();
    await loading;
  });
});
