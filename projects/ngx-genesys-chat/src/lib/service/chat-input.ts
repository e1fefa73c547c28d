import {
  buildAttributes,
  buildCustomerAttributes,
  type CustomAttributes,
} from '../attributes/build-attributes';
import { utf8Bytes } from '../attributes/attribute-rules';
import type { ResolvedGenesysChatConfig } from '../config/genesys-chat-config';
import { invalidAttributes } from '../errors/errors';
import type { StartChatOptions } from './genesys-chat-types';

const MAX_MESSAGE_BYTES = 4096;

/** A customer plus a start's options, validated: the map the start (or identify) asks for. */
export function checkedCustomer(
  customer: unknown,
  options: StartChatOptions | undefined,
  config: ResolvedGenesysChatConfig,
): CustomAttributes {
  const attributes = buildCustomerAttributes(customer, options?.attributes, config);
  checkMessage(options?.message);
  return attributes;
}

/**
 * Attributes for `setAttributes`, validated. The CRM id and tier are the customer's identity: only
 * identify(), clearIdentity() and startChat() change them, so the ordering model sees every change.
 */
export function checkedMerge(
  attributes: unknown,
  config: ResolvedGenesysChatConfig,
): CustomAttributes {
  const checked = buildAttributes(attributes, config);
  for (const key of [config.crmAttributeKey, config.tierAttributeKey]) {
    if (Object.prototype.hasOwnProperty.call(checked, key)) {
      throw invalidAttributes(
        key,
        "is the customer's identity; set it with identify() or startChat()",
      );
    }
  }
  return checked;
}

/** Starts with the same attributes and message are one start (a double click). */
export function startKey(attributes: CustomAttributes, message: string | undefined): string {
  return JSON.stringify([Object.entries(attributes), message ?? null]);
}

function checkMessage(message: unknown): void {
  if (message === undefined) return;
  if (typeof message !== 'string' || !message.trim()) {
    throw invalidAttributes('message', 'must be a non-blank string when given');
  }
  if (utf8Bytes(message) > MAX_MESSAGE_BYTES) {
    throw invalidAttributes(
      'message',
      `is longer than ${MAX_MESSAGE_BYTES} UTF-8 bytes, the Genesys limit for one message`,
    );
  }
}
