export {
  DEFAULT_REDIS_CHANNEL,
  type RealtimeHealth,
  type HintKind,
  type RealtimeObserver,
  type RealtimeServer,
  type RealtimeServerOptions,
  createRealtimeServer,
  redisChannelFor,
} from './realtime-server.js';
export { POSTS_CHANNEL, commentChannel, isHintChannel } from './channels.js';
export {
  type CommentHint,
  type Hint,
  type PostHint,
  InvalidHintError,
  parseCommentHint,
  parseHintFor,
  parsePostHint,
} from './hints.js';
export { type RealtimeLogger } from './logger.js';
export { FayeNodeClient } from './faye.js';
export { type FayeClient } from './browser/faye-client.js';
export { DEFAULT_MOUNT } from './mount.js';
