import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import {
  type SiteSettingsView,
  type UpdateSettingsInput,
  updateSettingsSchema,
} from '@inkwell/contract';
import { AllowRoles } from '../auth/admin-access.js';
import { AdminController } from '../auth/admin-controller.decorator.js';
import { ZodPipe } from '../common/validation.js';
import { cachePublicRead, type PublicJson } from '../http-cache/public-json.js';
import { PublicRead } from '../http-cache/public-read.js';
import { SETTINGS_TAG, SETTINGS_TTL_SECONDS, SettingsService } from './settings.service.js';

/** What every page of the site shows: title, description, navigation... */
@Controller('api/settings')
export class SettingsController {
  private readonly view: () => Promise<PublicJson>;

  constructor(@Inject(SettingsService) settings: SettingsService) {
    this.view = cachePublicRead(
      SETTINGS_TTL_SECONDS,
      { prefix: 'settings.public', tags: () => [SETTINGS_TAG] },
      () => settings.get(),
    );
  }

  @Get()
  @PublicRead()
  get(): Promise<PublicJson> {
    return this.view();
  }
}

/** Admins only change the settings. */
@AdminController('api/admin/settings')
@AllowRoles('ADMIN')
export class AdminSettingsController {
  constructor(@Inject(SettingsService) private readonly settings: SettingsService) {}

  @Get()
  get(): Promise<SiteSettingsView> {
    return this.settings.get();
  }

  @Patch()
  update(
    @Body(new ZodPipe(updateSettingsSchema)) input: UpdateSettingsInput,
  ): Promise<SiteSettingsView> {
    return this.settings.update(input);
  }
}
