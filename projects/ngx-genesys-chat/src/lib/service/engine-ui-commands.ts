import type { CommandRunner } from './messenger-commands';
import { JourneyPageViews, type PageView } from './journey-pageview';
import { setLauncherVisible } from './unconfirmed-messenger-names';

/** What the commands outside the attribute ordering model need from the engine. */
export interface UiCommandHost {
  readonly command: CommandRunner;
  /** Whether Messenger's script is loaded; read at each call. */
  loaded(): boolean;
  load(): Promise<void>;
  openChanged(open: boolean): void;
}

/**
 * The panel, the launcher and page views: commands that carry no customer attribute, so they
 * bypass the ordering model (`AttributeSync`) and never supersede a start.
 */
export class EngineUiCommands {
  private pageViews: JourneyPageViews | null = null;

  constructor(private readonly host: UiCommandHost) {}

  async closePanel(): Promise<void> {
    // Nothing is open on a page that has not loaded Messenger.
    if (!this.host.loaded()) return;
    await this.host.command('Messenger.close', {});
    this.host.openChanged(false);
  }

  async setLauncher(visible: boolean): Promise<void> {
    await this.host.load();
    await setLauncherVisible(this.host.command, visible);
  }

  /** Never loads Messenger: a page view before it loads is dropped. */
  async recordPageView(view: PageView): Promise<void> {
    if (!this.host.loaded()) return;
    await (this.pageViews ??= new JourneyPageViews(this.host.command)).record(view);
  }
}
