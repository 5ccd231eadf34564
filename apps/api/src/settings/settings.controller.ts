import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import {
  type SiteSettingsView,
  type UpdateSettingsInput,
  updateSettingsSchema,
} from '@inkwell/contract';
import { AllowRoles } from '../auth/admin-access.js';
import { AdminController } from '../auth/admin-controller.decorator.js';
import { ZodPipe } from '../common/validation.js';
import { PublicRead } from '../http-cache/public-read.js';
import { SETTINGS_TAG, SettingsService } from './settings.service.js';

/** What every page of the site shows: title, description, navigation... */
@Controller('api/settings')
export class SettingsController {
  constructor(@Inject(SettingsService) private readonly settings: SettingsService) {}

  @Get()
  @PublicRead(() => [SETTINGS_TAG])
  get(): Promise<SiteSettingsView> {
    return this.settings.get();
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
