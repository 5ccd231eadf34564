import { type DomainEvents } from '../events/domain-events.js';
import { PAGES_TAG } from '../posts/post-cache-tags.js';
import { SETTINGS_TAG } from '../settings/settings.service.js';
import { type DropTags } from './drop-tags.js';

/**
 * Drops the memoized settings, so the next page shows the new title, navigation or policy.
 * Deleting an image may have cleared the logo or favicon (the foreign key sets it null), and
 * deletes are rare: the settings are dropped on every one. Every page carries the tag, so each
 * site process drops all its stored pages.
 */
export function invalidateSettingsCaches(events: DomainEvents, dropTags: DropTags): void {
  const dropSettings = () => dropTags([SETTINGS_TAG]);
  // The navigation's pages are listed in the order the settings give.
  events.on('settings.saved', 'cache invalidation', ({ fields }) =>
    dropTags(fields.includes('pageOrder') ? [SETTINGS_TAG, PAGES_TAG] : [SETTINGS_TAG]),
  );
  events.on('image.deleted', 'cache invalidation', dropSettings);
}
