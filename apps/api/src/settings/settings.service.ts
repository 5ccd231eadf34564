import { Inject, Injectable } from '@nestjs/common';
import { cacheMemoize } from '@inkwell/cache';
import { type PrismaClient } from '@inkwell/prisma';
import { type SiteSettingsView, type UpdateSettingsInput } from '@inkwell/contract';
import { ValidationError } from '../common/validation.js';
import { type Config } from '../config/config.js';
import { CONFIG, PRISMA } from '../core/tokens.js';
import { Outbox } from '../events/outbox.js';
import { settingsSelect, toSettingsView } from './settings-view.js';

/** Tag of the memoized settings read, dropped on `settings.saved`. */
export const SETTINGS_TAG = 'settings';
export const SETTINGS_TTL_SECONDS = 300;
/** The one row of SiteSettings (the migration creates it; a CHECK keeps it alone). */
const SETTINGS_ID = 1;

type SettingsWriter = Pick<PrismaClient, 'siteSettings' | 'image'>;

/** The site's settings: read by every page (memoized), written by admins and the first-run setup. */
@Injectable()
export class SettingsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @cacheMemoize(SETTINGS_TTL_SECONDS, { prefix: 'settings', tags: () => [SETTINGS_TAG] })
  get(): Promise<SiteSettingsView> {
    return this.read();
  }

  /** The settings as stored now, never from the memo: for a writer deciding what to change. */
  async read(): Promise<SiteSettingsView> {
    const row =
      (await this.prisma.siteSettings.findUnique({
        where: { id: SETTINGS_ID },
        select: settingsSelect,
      })) ??
      // The migration writes the row; a database restored without it gets the defaults back.
      (await this.prisma.siteSettings.create({
        data: { id: SETTINGS_ID },
        select: settingsSelect,
      }));
    return toSettingsView(row, this.config.smtp !== undefined);
  }

  /** Saves the given settings and records `settings.saved` for the side effects. */
  async update(input: UpdateSettingsInput): Promise<SiteSettingsView> {
    await this.outbox.transaction(async (tx, record) => {
      await this.write(tx, input);
      await record('settings.saved', { fields: Object.keys(input) });
    });
    return this.get();
  }

  /**
   * The write alone, for a caller with its own transaction (the first-run setup), which records
   * `settings.saved` in it.
   */
  async write(db: SettingsWriter, input: UpdateSettingsInput): Promise<void> {
    await assertImagesExist(db, input);
    const { navigation, ...fields } = input;
    const data = { ...fields, ...(navigation ? { navigation } : {}) };
    await db.siteSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...data },
      update: data,
    });
  }
}

async function assertImagesExist(db: SettingsWriter, input: UpdateSettingsInput): Promise<void> {
  const problems: Record<string, string> = {};
  for (const field of ['logoImageId', 'faviconImageId'] as const) {
    const id = input[field];
    if (id == null) continue;
    if (!(await db.image.findUnique({ where: { id }, select: { id: true } }))) {
      problems[field] = 'must be an uploaded image';
    }
  }
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}
