import type { CommandRunner } from './messenger-commands';

/** A page view as `Journey.pageview` takes it (reference §2: GS, T). */
export interface PageView {
  readonly pageTitle: string;
  readonly pageLocation: string;
}

/**
 * Records a page view where the deployment has journey events on, and nowhere else: the
 * deployment config (`GenesysJS.configuration`, confirmed: IBM, DC-hl) is read once and its
 * `journeyEvents.enabled` (MT `DeploymentConfig.kt`) decides. UNCONFIRMED, as for conversation
 * clear: that the trimmed config keeps the field, bare or as `{deploymentConfig}`; both are read.
 * Never loads Messenger: the engine calls it only once Messenger is loaded.
 */
export class JourneyPageViews {
  private enabled: Promise<boolean> | null = null;

  constructor(private readonly command: CommandRunner) {}

  async record(view: PageView): Promise<void> {
    this.enabled ??= this.command('GenesysJS.configuration', {}).then(
      (value) => {
        const root = value as { deploymentConfig?: unknown } | null | undefined;
        const config = (root?.deploymentConfig ?? root) as
          { journeyEvents?: { enabled?: unknown } } | null | undefined;
        return config?.journeyEvents?.enabled === true;
      },
      () => false,
    );
    if (await this.enabled) await this.command('Journey.pageview', { ...view });
  }
}
