import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type AdminPostView,
  createCategorySchema,
  createPostSchema,
  createSeriesSchema,
  createUserSchema,
  MAX_COVER_ALT_LENGTH,
  type SiteSettingsView,
  type UpdateProfileInput,
  type UpdateSettingsInput,
  updateProfileSchema,
  updateSettingsSchema,
} from '@inkwell/contract';
import { type PrismaClient } from '@inkwell/prisma';
import { type ProfileService } from '../admin/account/profile.service.js';
import { type AdminCategoriesService } from '../admin/categories/admin-categories.service.js';
import { type AdminImagesService } from '../admin/images/admin-images.service.js';
import { type AdminPostsService } from '../admin/posts/admin-posts.service.js';
import { type AdminSeriesService } from '../admin/series/admin-series.service.js';
import { type AdminUsersService } from '../admin/users/admin-users.service.js';
import { type Viewer } from '../auth/ownership.js';
import { type Outbox } from '../events/outbox.js';
import { normaliseRedirectPath } from '../posts/path-redirects.js';
import { type SettingsService } from '../settings/settings.service.js';
import {
  type BlogBundle,
  type BundleComment,
  type BundlePost,
  type BundleRevision,
  type BundleUser,
} from './blog-bundle.js';
import { imageReferencesIn, isRemoteReference, replaceReferences } from './image-references.js';
import { clearPendingDraft } from '../admin/posts/post-revisions.js';
import { emptyReport, type ImportReport, type Outcome } from './import-report.js';
import { type Progress } from './progress.js';
import { TransferRefusedError } from './source-error.js';

/** The admin panel's services: an import writes through them, so caches, search and hints follow. */
export interface ImportServices {
  prisma: PrismaClient;
  outbox: Outbox;
  posts: AdminPostsService;
  categories: AdminCategoriesService;
  series: AdminSeriesService;
  users: AdminUsersService;
  profiles: ProfileService;
  images: AdminImagesService;
  settings: SettingsService;
}

export interface ImportOptions {
  format: string;
  dryRun: boolean;
  progress: Progress;
}

/** A post the dry run would create has no id yet. */
const NOT_YET_CREATED = 0;

/**
 * Applies a read source: categories, series, images (bodies then point at their new URLs),
 * accounts with their author profiles, posts and pages (with their publication date), their
 * revisions, the old addresses' redirects, threaded comments, the settings. Each
 * item is looked up by its identity in the source first, so a second run creates nothing; a
 * changed post is updated. A dry run classifies every item the same way and writes nothing.
 */
export async function importBlog(
  services: ImportServices,
  bundle: BlogBundle,
  options: ImportOptions,
): Promise<ImportReport> {
  const report = emptyReport(options.format, options.dryRun);
  report.warnings.push(...bundle.warnings);
  const count = (kind: keyof ImportReport['counts'], outcome: Outcome) =>
    (report.counts[kind][outcome] += 1);
  const run = new ImportRun(services, bundle, options, report, count);
  const importer = await run.importer();
  await run.importCategories();
  await run.importSeries();
  const imageUrls = await run.importImages(importer);
  await run.importUsers(importer, imageUrls);
  const postIds = await run.importPosts(importer, imageUrls);
  await run.importRevisions(postIds, imageUrls);
  await run.importRedirects(postIds);
  await run.importComments(postIds);
  await run.importSettings(imageUrls);
  return report;
}

class ImportRun {
  /** Authors the source names that have no account here, with their number of posts. */
  private readonly unknownAuthors = new Map<string, number>();
  /** Accounts a dry run would create: their posts are not reported as by unknown authors. */
  private readonly plannedUsers = new Set<string>();
  /** Source ids of the posts this run created (their history is the source's, in full). */
  private readonly createdPosts = new Set<string>();

  constructor(
    private readonly services: ImportServices,
    private readonly bundle: BlogBundle,
    private readonly options: ImportOptions,
    private readonly report: ImportReport,
    private readonly count: (kind: keyof ImportReport['counts'], outcome: Outcome) => void,
  ) {}

  private get prisma(): PrismaClient {
    return this.services.prisma;
  }

  /** Posts and uploads need an owner: the site's first admin, for items with no known author. */
  async importer(): Promise<Viewer> {
    const admin = await this.prisma.user.findFirst({
      where: { role: 'ADMIN', disabledAt: null },
      orderBy: { id: 'asc' },
      select: { id: true, role: true },
    });
    if (!admin) {
      throw new TransferRefusedError(
        'The site has no admin yet: create one first (npm run user:create).',
      );
    }
    return admin;
  }

  async importCategories(): Promise<void> {
    const bar = this.options.progress.start('categories', this.bundle.categories.length);
    for (const category of this.bundle.categories) {
      bar.increment();
      const input = createCategorySchema.safeParse(category);
      if (!input.success) {
        this.skip('categories', `category "${category.name}"`, input.error.issues[0]);
        continue;
      }
      const existing = await this.prisma.category.findFirst({
        where: { OR: [{ slug: input.data.slug }, { name: input.data.name }] },
        select: { slug: true },
      });
      if (existing?.slug === input.data.slug) {
        this.count('categories', 'unchanged');
      } else if (existing) {
        this.skip('categories', `category "${category.name}"`, {
          message: `has the name of the category "${existing.slug}"`,
        });
      } else {
        if (!this.options.dryRun) await this.services.categories.create(input.data);
        this.count('categories', 'created');
      }
    }
    bar.stop();
  }

  /** Series are found by slug; a new one is started through the admin service. */
  async importSeries(): Promise<void> {
    const bar = this.options.progress.start('series', this.bundle.series.length);
    for (const series of this.bundle.series) {
      bar.increment();
      const input = createSeriesSchema.safeParse(series);
      if (!input.success) {
        this.skip('series', `series "${series.name}"`, input.error.issues[0]);
        continue;
      }
      const existing = await this.prisma.series.findFirst({
        where: { OR: [{ slug: series.slug }, { name: input.data.name }] },
        select: { slug: true },
      });
      if (existing?.slug === series.slug) {
        this.count('series', 'unchanged');
      } else if (existing) {
        this.skip('series', `series "${series.name}"`, {
          message: `has the name of the series "${existing.slug}"`,
        });
      } else {
        if (!this.options.dryRun) await this.services.series.create(input.data);
        this.count('series', 'created');
      }
    }
    bar.stop();
  }

  /**
   * Accounts are found by e-mail; a missing one is created as an admin adds a user, with a
   * generated password nobody is told: the person gets a password from an admin (reset) before
   * signing in. Then the author profile (name, slug, bio, avatar) is set where it differs.
   */
  async importUsers(importer: Viewer, imageUrls: Map<string, string>): Promise<void> {
    const bar = this.options.progress.start('users', this.bundle.users.length);
    for (const user of this.bundle.users) {
      bar.increment();
      const label = `user ${user.email}`;
      const account = createUserSchema.safeParse({
        email: user.email,
        name: user.name,
        role: user.role,
      });
      if (!account.success) {
        this.skip('users', label, account.error.issues[0]);
        continue;
      }
      const profile = updateProfileSchema.safeParse(await this.wantedProfile(user, imageUrls));
      if (!profile.success) {
        this.skip('users', label, profile.error.issues[0]);
        continue;
      }
      const email = account.data.email;
      const existing = await this.prisma.user.findUnique({
        where: { email },
        select: { id: true },
      });
      if (!existing && this.options.dryRun) {
        this.plannedUsers.add(email);
        this.count('users', 'created');
        continue;
      }
      try {
        const id = existing?.id ?? (await this.createAccount(account.data, user, importer));
        const changed = await this.updateProfile(id, profile.data);
        this.count('users', existing ? (changed ? 'updated' : 'unchanged') : 'created');
      } catch (error) {
        this.skip('users', label, { message: (error as Error).message });
      }
    }
    bar.stop();
  }

  private async createAccount(
    input: ReturnType<typeof createUserSchema.parse>,
    user: BundleUser,
    importer: Viewer,
  ): Promise<number> {
    const { id } = await this.services.users.create(input);
    if (user.disabled) await this.services.users.update(id, { disabled: true }, importer);
    return id;
  }

  /** The profile the export gives the user (an older export: only the name). */
  private async wantedProfile(
    user: BundleUser,
    imageUrls: Map<string, string>,
  ): Promise<Record<string, unknown>> {
    if (!user.profile) return { name: user.name };
    return {
      name: user.name,
      ...(user.profile.slug ? { slug: user.profile.slug } : {}),
      bio: user.profile.bio,
      avatarImageId: user.profile.avatar
        ? await this.uploadedImageId(user.profile.avatar, imageUrls)
        : null,
    };
  }

  /** Sets the profile fields that differ (in a dry run, only tells whether any does). */
  private async updateProfile(userId: number, input: UpdateProfileInput): Promise<boolean> {
    const current = await this.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, slug: true, bio: true, avatarImageId: true },
    });
    const changed = Object.fromEntries(
      Object.entries(input).filter(
        ([field, value]) => value !== current[field as keyof typeof current],
      ),
    );
    if (Object.keys(changed).length === 0) return false;
    if (!this.options.dryRun) await this.services.profiles.update(userId, changed);
    return true;
  }

  /** Uploads the image files; resolves with each reference's new URL. */
  async importImages(importer: Viewer): Promise<Map<string, string>> {
    const urls = new Map<string, string>();
    const files = [
      ...this.bundle.images,
      ...[this.bundle.settingsImages.logo, this.bundle.settingsImages.favicon].flatMap((file) =>
        file ? [{ file, references: [] }] : [],
      ),
    ];
    const bar = this.options.progress.start('images', files.length);
    const seen = new Set<string>();
    for (const image of files) {
      bar.increment();
      let bytes: Buffer;
      try {
        bytes = await readFile(image.file);
      } catch (error) {
        this.skip('images', image.file, { message: (error as Error).message });
        continue;
      }
      const hash = createHash('sha256').update(bytes).digest('hex');
      urls.set(image.file, `/images/${hash}`);
      for (const reference of image.references) urls.set(reference, `/images/${hash}`);
      if (seen.has(hash)) continue;
      seen.add(hash);
      if (await this.prisma.image.findUnique({ where: { hash }, select: { id: true } })) {
        this.count('images', 'unchanged');
        continue;
      }
      if (!this.options.dryRun) {
        try {
          await this.services.images.upload(bytes, path.basename(image.file), importer);
        } catch (error) {
          urls.delete(image.file);
          for (const reference of image.references) urls.delete(reference);
          this.skip('images', image.file, { message: (error as Error).message });
          continue;
        }
      }
      this.count('images', 'created');
    }
    bar.stop();
    return urls;
  }

  /** Resolves with the id of each post by its source identity (NOT_YET_CREATED in a dry run). */
  async importPosts(
    importer: Viewer,
    imageUrls: Map<string, string>,
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    const authors = new Map(
      (await this.prisma.user.findMany({ select: { id: true, email: true, role: true } })).map(
        (user) => [user.email, { id: user.id, role: user.role }],
      ),
    );
    const categories = new Set(
      (await this.prisma.category.findMany({ select: { slug: true } })).map((row) => row.slug),
    );
    const series = new Set(
      (await this.prisma.series.findMany({ select: { slug: true } })).map((row) => row.slug),
    );
    const bar = this.options.progress.start('posts', this.bundle.posts.length);
    for (const post of this.bundle.posts) {
      bar.increment();
      const body = replaceReferences(post.body, imageUrls);
      this.warnAboutImages(post, body);
      const author = this.authorOf(post, authors, importer);
      const cover = await this.coverOf(post, imageUrls);
      const input = createPostSchema.safeParse({
        ...cover,
        kind: post.kind,
        series:
          post.series && (this.options.dryRun || series.has(post.series.slug)) ? post.series : null,
        title: post.title,
        slug: post.slug,
        summary: post.summary,
        body,
        externalUrl: post.externalUrl,
        categories: this.options.dryRun
          ? post.categories
          : post.categories.filter((slug) => categories.has(slug)),
      });
      if (!input.success) {
        this.skip(kindOf(post), `${post.kind ?? 'post'} "${post.title}"`, input.error.issues[0]);
        continue;
      }
      const id = await this.savePost(post, input.data, author);
      if (id !== null) ids.set(post.sourceId, id);
    }
    bar.stop();
    for (const [email, posts] of this.unknownAuthors) {
      this.report.warnings.push(
        `unknown author ${email} (${posts} post(s)): attributed to the site's first admin`,
      );
    }
    return ids;
  }

  private async savePost(
    post: BundlePost,
    input: ReturnType<typeof createPostSchema.parse>,
    author: Viewer,
  ): Promise<number | null> {
    const fingerprint = fingerprintOf({
      ...input,
      published: post.published,
      date: post.publishedAt,
    });
    const kind = kindOf(post);
    const known = await this.importedItem('post', post.sourceId);
    const current = known
      ? await this.prisma.post.findUnique({ where: { id: known.targetId }, select: { id: true } })
      : null;
    if (known && current) {
      if (known.fingerprint === fingerprint) {
        this.count(kind, 'unchanged');
        return current.id;
      }
      if (!this.options.dryRun) {
        const { version } = await this.services.posts.get(current.id, author);
        const updated = await this.services.posts.update(current.id, { version, ...input }, author);
        await this.setPublication(updated, post, author);
        await this.rememberItem('post', post.sourceId, current.id, fingerprint);
      }
      this.count(kind, 'updated');
      return current.id;
    }
    const taken = await this.prisma.post.findUnique({
      where: { slug: input.slug! },
      select: { id: true },
    });
    if (taken) {
      this.skip(kind, `${post.kind ?? 'post'} "${post.title}"`, {
        message: 'has the slug of a post this import did not create',
        path: ['slug'],
      });
      return null;
    }
    this.createdPosts.add(post.sourceId);
    if (this.options.dryRun) {
      this.count(kind, 'created');
      return NOT_YET_CREATED;
    }
    const created = await this.services.posts.create(input, author);
    await this.setPublication(created, post, author);
    await this.rememberItem('post', post.sourceId, created.id, fingerprint);
    this.count(kind, 'created');
    return created.id;
  }

  /** Published (at its original date) or a draft, as in the source. */
  private async setPublication(
    view: AdminPostView,
    post: BundlePost,
    actor: Viewer,
  ): Promise<void> {
    const { id, version } = view;
    if (post.published) {
      await this.services.posts.publish(
        id,
        { version, publishAt: post.publishedAt ?? undefined },
        actor,
      );
    } else if (view.status !== 'DRAFT') {
      await this.services.posts.unpublish(id, { version }, actor);
    }
  }

  private authorOf(post: BundlePost, authors: Map<string, Viewer>, importer: Viewer): Viewer {
    if (!post.authorEmail) return importer;
    const email = post.authorEmail.toLowerCase();
    const author = authors.get(email);
    if (author) return author;
    if (this.plannedUsers.has(email)) return importer;
    this.unknownAuthors.set(email, (this.unknownAuthors.get(email) ?? 0) + 1);
    return importer;
  }

  /**
   * The uploaded image of the post's cover reference, with its alt text; no cover (and a
   * warning) when the file was not beside the source. In a dry run nothing is uploaded, so a
   * cover found there counts as found. A source without covers sets none (a cover chosen here
   * after an earlier import stays, and that import's fingerprints still match).
   */
  private async coverOf(
    post: BundlePost,
    imageUrls: Map<string, string>,
  ): Promise<{ coverImageId?: number | null; coverAlt?: string }> {
    if (!post.cover) return {};
    const none = { coverImageId: null, coverAlt: '' };
    const imageId = await this.uploadedImageId(post.cover.reference, imageUrls);
    if (imageId === null) {
      if (!(imageUrls.has(post.cover.reference) && this.options.dryRun)) {
        this.report.warnings.push(
          isRemoteReference(post.cover.reference)
            ? `post "${post.slug}": remote cover image left out: ${post.cover.reference}`
            : `post "${post.slug}": cover image not found in the source: ${post.cover.reference}`,
        );
      }
      return none;
    }
    return { coverImageId: imageId, coverAlt: post.cover.alt.slice(0, MAX_COVER_ALT_LENGTH) };
  }

  /**
   * The series place and cover a revision saved, as ids here; an export that does not say (or
   * names a series or image this blog lacks) leaves the post's own, so that publishing a draft
   * never takes them away.
   */
  private async placementOf(
    revision: BundleRevision,
    postId: number,
    seriesIds: Map<string, number>,
    imageUrls: Map<string, string>,
  ): Promise<{
    seriesId: number | null;
    seriesPart: number | null;
    coverImageId: number | null;
    coverAlt: string;
  }> {
    const post = await this.prisma.post.findUniqueOrThrow({
      where: { id: postId },
      select: { seriesId: true, seriesPart: true, coverImageId: true, coverAlt: true },
    });
    const saved = revision.placement;
    if (!saved) return post;
    const seriesId = saved.series ? seriesIds.get(saved.series.slug) : null;
    const coverImageId = saved.cover
      ? await this.uploadedImageId(saved.cover.reference, imageUrls)
      : null;
    return {
      ...(seriesId === undefined
        ? { seriesId: post.seriesId, seriesPart: post.seriesPart }
        : { seriesId, seriesPart: saved.series?.part ?? null }),
      ...(saved.cover && coverImageId === null
        ? { coverImageId: post.coverImageId, coverAlt: post.coverAlt }
        : { coverImageId, coverAlt: saved.cover?.alt.slice(0, MAX_COVER_ALT_LENGTH) ?? '' }),
    };
  }

  /** The id of the uploaded image a source reference (or file) stands for, or null. */
  private async uploadedImageId(
    reference: string,
    imageUrls: Map<string, string>,
  ): Promise<number | null> {
    const hash = imageUrls.get(reference)?.slice('/images/'.length);
    const image = hash
      ? await this.prisma.image.findUnique({ where: { hash }, select: { id: true } })
      : null;
    return image?.id ?? null;
  }

  /**
   * Each post's saved texts, with their authors and times (a history is no write readers see,
   * so the rows are written as they were; no event). A post this run created gets the source's
   * history in place of the import's own save; on a re-run only revisions not seen are added.
   */
  async importRevisions(
    postIds: Map<string, number>,
    imageUrls: Map<string, string>,
  ): Promise<void> {
    const posts = this.bundle.posts.filter((post) => post.revisions?.length);
    const bar = this.options.progress.start('revisions', posts.length);
    const authors = new Map(
      (await this.prisma.user.findMany({ select: { id: true, email: true } })).map((user) => [
        user.email,
        user.id,
      ]),
    );
    const seriesIds = new Map(
      (await this.prisma.series.findMany({ select: { id: true, slug: true } })).map((series) => [
        series.slug,
        series.id,
      ]),
    );
    for (const post of posts) {
      bar.increment();
      const postId = postIds.get(post.sourceId);
      const revisions = post.revisions ?? [];
      if (postId === undefined) {
        for (const revision of revisions) {
          this.skip('revisions', `revision ${revision.sourceId} of "${post.slug}"`, {
            message: 'is of a post that was not imported',
          });
        }
        continue;
      }
      const fresh = this.createdPosts.has(post.sourceId);
      const added: BundleRevision[] = [];
      for (const revision of revisions) {
        if (!fresh && (await this.importedItem('revision', revision.sourceId))) {
          this.count('revisions', 'unchanged');
        } else {
          added.push(revision);
        }
      }
      if (added.length > 0 && !this.options.dryRun) {
        const placements = await Promise.all(
          added.map((revision) => this.placementOf(revision, postId, seriesIds, imageUrls)),
        );
        await this.prisma.$transaction(async (tx) => {
          if (fresh) await tx.postRevision.deleteMany({ where: { postId } });
          for (const [index, revision] of added.entries()) {
            if (revision.pending) await clearPendingDraft(tx, postId);
            const row = await tx.postRevision.create({
              data: {
                ...placements[index],
                postId,
                title: revision.title,
                summary: revision.summary,
                body: revision.body,
                categories: revision.categories,
                authorId: authors.get(revision.authorEmail?.toLowerCase() ?? '') ?? null,
                pending: revision.pending,
                createdAt: revision.createdAt,
              },
              select: { id: true },
            });
            const key = {
              source: this.bundle.source,
              kind: 'revision',
              sourceId: revision.sourceId,
            };
            const fingerprint = fingerprintOf(revision);
            await tx.importedItem.upsert({
              where: { source_kind_sourceId: key },
              create: { ...key, targetId: row.id, fingerprint },
              update: { targetId: row.id, fingerprint },
            });
          }
        });
      }
      for (const _ of added) this.count('revisions', 'created');
    }
    bar.stop();
  }

  /** Remote images stay links (nothing is downloaded); local ones not found stay as written. */
  private warnAboutImages(post: BundlePost, body: string): void {
    for (const reference of imageReferencesIn(body)) {
      if (reference.startsWith('/images/')) continue;
      this.report.warnings.push(
        isRemoteReference(reference)
          ? `post "${post.slug}": remote image kept as a link: ${reference}`
          : `post "${post.slug}": image not found in the source, kept as written: ${reference}`,
      );
    }
  }

  async importRedirects(postIds: Map<string, number>): Promise<void> {
    const bar = this.options.progress.start('redirects', this.bundle.posts.length);
    for (const post of this.bundle.posts) {
      bar.increment();
      const postId = postIds.get(post.sourceId);
      const paths = new Set(post.oldPaths.map(normaliseRedirectPath));
      for (const redirectPath of paths) {
        if (!redirectPath || postId === undefined) continue;
        const existing = await this.prisma.pathRedirect.findUnique({
          where: { path: redirectPath },
        });
        if (existing && existing.postId === postId) {
          this.count('redirects', 'unchanged');
          continue;
        }
        if (!this.options.dryRun) {
          await this.prisma.pathRedirect.upsert({
            where: { path: redirectPath },
            create: { path: redirectPath, postId },
            update: { postId },
          });
        }
        this.count('redirects', existing ? 'updated' : 'created');
      }
    }
    bar.stop();
  }

  async importComments(postIds: Map<string, number>): Promise<void> {
    const commentIds = new Map<string, number>();
    const bar = this.options.progress.start('comments', this.bundle.comments.length);
    for (const comment of parentsFirst(this.bundle.comments)) {
      bar.increment();
      const postId = postIds.get(comment.postSourceId);
      const parentId =
        comment.parentSourceId === null ? null : commentIds.get(comment.parentSourceId);
      const label = `comment ${comment.sourceId} by ${comment.authorName}`;
      if (postId === undefined) {
        this.skip('comments', label, { message: 'is on a post that was not imported' });
        continue;
      }
      if (parentId === undefined) {
        this.skip('comments', label, { message: 'answers a comment that was not imported' });
        continue;
      }
      const known = await this.importedItem('comment', comment.sourceId);
      if (known) {
        commentIds.set(comment.sourceId, known.targetId);
        this.count('comments', 'unchanged');
        continue;
      }
      const id = this.options.dryRun
        ? NOT_YET_CREATED
        : await this.createComment(comment, postId, parentId);
      commentIds.set(comment.sourceId, id);
      this.count('comments', 'created');
    }
    bar.stop();
  }

  /** The write a public comment makes (`comment.created`), with its identity in the same transaction. */
  private createComment(
    comment: BundleComment,
    postId: number,
    parentId: number | null,
  ): Promise<number> {
    return this.services.outbox.transaction(async (tx, record) => {
      const created = await tx.comment.create({
        data: {
          postId,
          parentId,
          authorName: comment.authorName.slice(0, 100),
          authorEmail: comment.authorEmail.slice(0, 254),
          body: comment.body,
          approved: comment.approved,
          createdAt: comment.createdAt,
        },
        select: { id: true },
      });
      await tx.importedItem.create({
        data: {
          source: this.bundle.source,
          kind: 'comment',
          sourceId: comment.sourceId,
          targetId: created.id,
          fingerprint: fingerprintOf(comment),
        },
      });
      await record('comment.created', {
        commentId: created.id,
        postId,
        approved: comment.approved,
        imported: true,
      });
      return created.id;
    });
  }

  async importSettings(imageUrls: Map<string, string>): Promise<void> {
    const wanted: Record<string, unknown> = { ...this.bundle.settings };
    for (const [field, file] of [
      ['logoImageId', this.bundle.settingsImages.logo],
      ['faviconImageId', this.bundle.settingsImages.favicon],
    ] as const) {
      const imageId = file ? await this.uploadedImageId(file, imageUrls) : null;
      if (imageId !== null) wanted[field] = imageId;
    }
    if (this.bundle.pageOrder) wanted.pageOrder = await this.pageIds(this.bundle.pageOrder);
    if (Object.keys(wanted).length === 0) return;
    const input = updateSettingsSchema.safeParse(wanted);
    if (!input.success) {
      this.skip('settings', 'the settings', input.error.issues[0]);
      return;
    }
    const changed = changedSettings(input.data, await this.services.settings.read());
    if (Object.keys(changed).length === 0) {
      this.count('settings', 'unchanged');
      return;
    }
    if (!this.options.dryRun) await this.services.settings.update(changed);
    this.count('settings', 'updated');
  }

  /** The ids of the pages with these slugs, in their order (pages not here are left out). */
  private async pageIds(slugs: string[]): Promise<number[]> {
    const pages = await this.prisma.post.findMany({
      where: { kind: 'PAGE', slug: { in: slugs } },
      select: { id: true, slug: true },
    });
    return slugs.flatMap((slug) =>
      pages.filter((page) => page.slug === slug).map((page) => page.id),
    );
  }

  private importedItem(kind: string, sourceId: string) {
    return this.prisma.importedItem.findUnique({
      where: { source_kind_sourceId: { source: this.bundle.source, kind, sourceId } },
    });
  }

  private async rememberItem(
    kind: string,
    sourceId: string,
    targetId: number,
    fingerprint: string,
  ) {
    const key = { source: this.bundle.source, kind, sourceId };
    await this.prisma.importedItem.upsert({
      where: { source_kind_sourceId: key },
      create: { ...key, targetId, fingerprint },
      update: { targetId, fingerprint },
    });
  }

  private skip(
    kind: keyof ImportReport['counts'],
    what: string,
    issue: { message: string; path?: readonly PropertyKey[] } | undefined,
  ): void {
    const field = issue?.path?.length ? `${issue.path.join('.')} ` : '';
    this.report.warnings.push(`${what}: ${field}${issue?.message ?? 'is invalid'}: skipped`);
    this.count(kind, 'skipped');
  }
}

function kindOf(post: BundlePost): 'posts' | 'pages' {
  return post.kind === 'page' ? 'pages' : 'posts';
}

/** Comments ordered so that every answer comes after the comment it answers. */
function parentsFirst(comments: BundleComment[]): BundleComment[] {
  const byId = new Map(comments.map((comment) => [comment.sourceId, comment]));
  const ordered: BundleComment[] = [];
  const placed = new Set<string>();
  const place = (comment: BundleComment, depth: number): void => {
    if (placed.has(comment.sourceId)) return;
    const parent = comment.parentSourceId ? byId.get(comment.parentSourceId) : undefined;
    if (parent && depth < comments.length) place(parent, depth + 1);
    placed.add(comment.sourceId);
    ordered.push(comment);
  };
  for (const comment of [...comments].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  )) {
    place(comment, 0);
  }
  return ordered;
}

/** The settings fields whose wanted value differs from the current one. */
function changedSettings(
  wanted: UpdateSettingsInput,
  current: SiteSettingsView,
): UpdateSettingsInput {
  const now: Record<string, unknown> = {
    ...current,
    logoImageId: current.logo?.id ?? null,
    faviconImageId: current.favicon?.id ?? null,
  };
  return Object.fromEntries(
    Object.entries(wanted).filter(
      ([field, value]) => JSON.stringify(value) !== JSON.stringify(now[field]),
    ),
  );
}

function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
