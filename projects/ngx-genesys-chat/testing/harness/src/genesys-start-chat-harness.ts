import { type BaseHarnessFilters, ComponentHarness, HarnessPredicate } from '@angular/cdk/testing';

/** Filters for {@link GenesysStartChatHarness.with}. */
export interface GenesysStartChatHarnessFilters extends BaseHarnessFilters {
  /** Only hosts whose text matches. */
  text?: string | RegExp;
}

/** A CDK component harness for an element carrying `[genesysStartChat]`. */
export class GenesysStartChatHarness extends ComponentHarness {
  static hostSelector = '.genesys-start-chat';

  /** A predicate for `loader.getHarness(GenesysStartChatHarness.with({ text }))`. */
  static with(
    options: GenesysStartChatHarnessFilters = {},
  ): HarnessPredicate<GenesysStartChatHarness> {
    return new HarnessPredicate(GenesysStartChatHarness, options).addOption(
      'text',
      options.text,
      (harness, text) => HarnessPredicate.stringMatches(harness.getText(), text),
    );
  }

  /** Activates the host, as a user's click does. */
  async click(): Promise<void> {
    await (await this.host()).click();
  }

  /** True while a chat is starting (`aria-busy="true"`). */
  async isBusy(): Promise<boolean> {
    return (await (await this.host()).getAttribute('aria-busy')) === 'true';
  }

  /** True when the host is a disabled button, or marked `aria-disabled`. */
  async isDisabled(): Promise<boolean> {
    const host = await this.host();
    return (
      (await host.getProperty<boolean>('disabled')) === true ||
      (await host.getAttribute('aria-disabled')) === 'true'
    );
  }

  /** The host's text. */
  async getText(): Promise<string> {
    return (await this.host()).text();
  }
}
