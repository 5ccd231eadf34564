/**
 * Server extension that keeps the Bayeux server read-only for the outside world: only the
 * in-process publisher, which knows the secret, may publish; readers may only subscribe to
 * exact hint channels. Faye copies the whole message to subscribers, so the secret is removed
 * before the message reaches the engine.
 */
import { timingSafeEqual } from 'node:crypto';
import { type FayeExtension, type FayeMessage } from './browser/faye-client.js';
import { isHintChannel } from './channels.js';

const SECRET_FIELD = 'publishSecret';

/** Faye's error grammar: `<code>:<params>:<text>`. */
const FORBIDDEN_PUBLISH = '403::Publishing is reserved to the server';
const forbiddenChannel = (channel: string): string => `403:${channel}:Forbidden channel`;

/** Accepts publishes that carry `secret`, strips it, and refuses every other publish. */
export function createPublishGuard(secret: string): FayeExtension {
  const expected = Buffer.from(secret);
  return {
    incoming(message, callback) {
      if (message.channel === '/meta/subscribe') {
        const refused = subscriptionsOf(message).find((channel) => !isHintChannel(channel));
        if (refused !== undefined) message.error = forbiddenChannel(refused);
      } else if (!message.channel.startsWith('/meta/')) {
        if (!carriesSecret(message, expected)) message.error = FORBIDDEN_PUBLISH;
        removeSecret(message);
      }
      callback(message);
    },
  };
}

/** Client-side counterpart for the server's own in-process client. */
export function createPublishSigner(secret: string): FayeExtension {
  return {
    outgoing(message, callback) {
      if (!message.channel.startsWith('/meta/'))
        message.ext = { ...message.ext, [SECRET_FIELD]: secret };
      callback(message);
    },
  };
}

function subscriptionsOf(message: FayeMessage): string[] {
  const { subscription } = message;
  if (typeof subscription === 'string') return [subscription];
  if (Array.isArray(subscription)) return subscription.map(String);
  return [];
}

function carriesSecret(message: FayeMessage, expected: Buffer): boolean {
  const given = message.ext?.[SECRET_FIELD];
  if (typeof given !== 'string') return false;
  const givenBytes = Buffer.from(given);
  return givenBytes.length === expected.length && timingSafeEqual(givenBytes, expected);
}

function removeSecret(message: FayeMessage): void {
  if (!message.ext) return;
  delete message.ext[SECRET_FIELD];
  if (Object.keys(message.ext).length === 0) delete message.ext;
}
