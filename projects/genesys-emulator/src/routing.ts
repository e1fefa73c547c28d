import type { RoutingConfig } from './config';

/** The first rule whose condition holds picks the queue; otherwise the default queue. */
export function routeConversation(
  attributes: Readonly<Record<string, string>>,
  routing: RoutingConfig,
): string {
  for (const rule of routing.rules) {
    const value = Object.prototype.hasOwnProperty.call(attributes, rule.when.attribute)
      ? attributes[rule.when.attribute]
      : undefined;
    if (rule.when.equals !== undefined && value === rule.when.equals) return rule.queue;
    if (rule.when.exists === true && value !== undefined && value !== '') return rule.queue;
    if (rule.when.exists === false && (value === undefined || value === '')) return rule.queue;
  }
  return routing.defaultQueue;
}
