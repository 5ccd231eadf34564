import { invalidateTags } from '@inkwell/cache';
import { type DomainEvents } from '../events/domain-events.js';
import { SETTINGS_TAG } from '../settings/settings.service.js';

/**
 * Drops the memoized settings, so the next page shows the new title, navigation or policy.
 * The site's own page cache empties on the form post that saved them.
 */
export function invalidateSettingsCaches(events: DomainEvents): void {
  events.on('settings.saved', 'cache invalidation', () => invalidateTags([SETTINGS_TAG]));
}
