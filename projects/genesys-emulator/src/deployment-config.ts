import { DEFAULT_ALLOWED_DOMAINS, type EmulatorDeployment } from './config';
import { conversationSettings } from './conversation-settings';

/**
 * The deployment's config.json, in the shape Genesys serves it (reference §1). The endpoints are
 * the emulator's own URL, never the request's Host header: a reflected Host would hand a
 * DNS-rebinding page an endpoint of its choosing.
 */
export function deploymentConfig(d: EmulatorDeployment, emulatorUrl: string) {
  const conversation = conversationSettings(d.conversations);
  return {
    id: d.id,
    version: '1',
    languages: ['en-us'],
    defaultLanguage: 'en-us',
    apiEndpoint: emulatorUrl,
    headlessMode: { enabled: !!d.headless },
    messenger: {
      enabled: !d.headless,
      apps: {
        conversations: {
          messagingEndpoint: emulatorUrl.replace(/^http/, 'ws'),
          showAgentTypingIndicator: false,
          showUserTypingIndicator: conversation.userTyping,
          autoStart: { enabled: false },
          conversationDisconnect: { ...conversation.disconnect },
          conversationClear: { enabled: conversation.clearEnabled },
        },
      },
      styles: { primaryColor: '#2d6cdf' },
      launcherButton: { visibility: d.launcherVisibility ?? 'OnDemand' },
      fileUpload: { enableAttachments: false, modes: [] },
    },
    journeyEvents: { enabled: d.journeyEvents === true },
    // MT DeploymentConfig `auth`; Messenger reads it to decide whether to run its Auth plugin.
    auth: {
      enabled: d.auth?.enabled === true,
      allowSessionUpgrade: d.auth?.allowSessionUpgrade === true,
    },
    status: d.status ?? 'Active',
  };
}

/**
 * Genesys' allowed-domain rule: the page's host name (any port) must be one of the deployment's
 * allowed domains, or the list holds `*`. No Origin (a server-side caller) passes.
 */
export function originAllowedFor(
  origin: string | undefined,
  deployments: readonly EmulatorDeployment[],
): boolean {
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).hostname;
  } catch {
    return false;
  }
  return deployments.some((d) => {
    const domains = d.allowedDomains ?? DEFAULT_ALLOWED_DOMAINS;
    return domains.includes('*') || domains.some((allowed) => allowed.toLowerCase() === host);
  });
}
