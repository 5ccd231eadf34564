import { Inject, Injectable, Logger } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { demoCategories, demoPosts } from '@inkwell/prisma/demo-content';
import { type LoginResult, type SetupInput } from '@inkwell/contract';
import { AdminCategoriesService } from '../admin/categories/admin-categories.service.js';
import { ConflictError } from '../common/conflict.js';
import { type Viewer } from '../auth/ownership.js';
import { AdminPostsService } from '../admin/posts/admin-posts.service.js';
import { AuthService, type LoginOrigin } from '../auth/auth.service.js';
import { createUser, lockFirstUser } from '../auth/create-user.js';
import { type ScryptParameters, scryptParametersForCost } from '../auth/password-hash.js';
import { type Config } from '../config/config.js';
import { CONFIG, PRISMA } from '../core/tokens.js';
import { Outbox } from '../events/outbox.js';
import { SettingsService } from '../settings/settings.service.js';

/**
 * The first run, as Ghost does it: while the site has no user, anyone reaching the panel names
 * the site and becomes its owner (an admin). It works once: attempts run one at a time under
 * an advisory lock, each checking inside its transaction that no user exists yet and that the
 * setup was never done (so deleting every user later does not reopen it). `user:create` takes
 * the same lock, so a headless first user and the browser setup never both win.
 */
@Injectable()
export class SetupService {
  private readonly logger = new Logger('Setup');
  private readonly scrypt: ScryptParameters;

  constructor(
    @Inject(CONFIG) config: Config,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(SettingsService) private readonly settings: SettingsService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AdminPostsService) private readonly posts: AdminPostsService,
    @Inject(AdminCategoriesService) private readonly categories: AdminCategoriesService,
  ) {
    this.scrypt = scryptParametersForCost(config.passwordHashCost);
  }

  async isRequired(): Promise<boolean> {
    return isOpen(this.prisma);
  }

  /** Creates the owner and names the site, then signs the owner in. 409 once done. */
  async setUp(input: SetupInput, origin: LoginOrigin): Promise<LoginResult> {
    const owner = await this.outbox.transaction(
      async (tx, record) => {
        await lockFirstUser(tx);
        if (!(await isOpen(tx))) throw alreadySetUp();
        const { email, name, password, title, description } = input;
        const created = await createUser(tx, { email, name, password, role: 'ADMIN' }, this.scrypt);
        await this.settings.write(tx, { title, description, ownerName: name });
        await tx.siteSettings.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
        await record('settings.saved', { fields: ['title', 'description', 'ownerName'] });
        return created;
      },
      // A concurrent attempt waits for the lock, then finds the owner and is refused.
      { maxWait: 15_000, timeout: 30_000 },
    );
    if (input.demoContent === 'remove') await this.removeDemoContent(owner);
    return this.auth.login(input.email, input.password, origin);
  }

  /**
   * Deletes the demo posts and categories one by one through the admin panel's own services,
   * so each emits the events that keep caches, search and readers in step.
   */
  private async removeDemoContent(owner: Viewer): Promise<void> {
    const posts = await this.prisma.post.findMany({
      where: { slug: { in: demoPosts.map((post) => post.slug) } },
      select: { id: true },
    });
    for (const post of posts) await this.posts.delete(post.id, owner);
    const categories = await this.prisma.category.findMany({
      where: { slug: { in: demoCategories.map((category) => category.slug) } },
      select: { id: true },
    });
    // A category someone filed a post under meanwhile keeps it: deleting is refused (409).
    for (const category of categories) {
      await this.categories.delete(category.id, undefined).catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error;
        this.logger.warn(`Kept category ${category.id}: ${error.message}`);
      });
    }
    this.logger.log(
      `Removed the demo content: ${posts.length} posts, ${categories.length} categories`,
    );
  }
}

/** No user, and the setup never done. */
async function isOpen(db: Pick<PrismaClient, 'user' | 'siteSettings'>): Promise<boolean> {
  const [user, settings] = await Promise.all([
    db.user.findFirst({ select: { id: true } }),
    db.siteSettings.findUnique({ where: { id: 1 }, select: { setupCompletedAt: true } }),
  ]);
  return user === null && !settings?.setupCompletedAt;
}

function alreadySetUp(): ConflictError {
  return new ConflictError('Inkwell is already set up: sign in instead');
}
