/**
 * `@inkwell/realtime/browser`: what a page needs to show live updates. Free of Node imports so
 * bundlers can ship it to the browser.
 */
export {
  DEFAULT_FALLBACK_POLL_MS,
  DEFAULT_SAFETY_POLL_MS,
  DEFAULT_THROTTLE_MS,
  type ChannelWatch,
  type WatchChannelsOptions,
  type WatchStatus,
  watchChannels,
} from './watch-channels.js';
export { type LoadFayeClientOptions, loadFayeClient } from './load-faye-client.js';
export { type FayeClient, type FayeClientConstructor } from './faye-client.js';
export { POSTS_CHANNEL, commentChannel } from '../channels.js';
export { type CommentHint, type Hint, type PostHint } from '../hints.js';
export { DEFAULT_MOUNT } from '../mount.js';
