import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import {
  type AdminPostListItem,
  type AdminPostView,
  type CreatePostInput,
  type ListAdminPostsQuery,
  type PostRevisionListItem,
  type PostRevisionView,
  type PostSeriesInput,
  type PublishPostInput,
  type SaveDraftInput,
  type UpdatePostInput,
  type VersionOnlyInput,
  isReservedPageSlug,
  RESERVED_PAGE_SLUGS,
} from '@inkwell/contract';
import { insensitiveContains } from '../../common/insensitive-filters.js';
import { loadKnownImages } from '../../images/known-images.js';
import { NotFoundError } from '../../common/not-found.js';
import { ValidationError } from '../../common/validation.js';
import { PRISMA } from '../../core/tokens.js';
import { Outbox, type RecordEvent } from '../../events/outbox.js';
import { renderPostMarkdown } from '../../markdown/render-markdown.js';
import { publishedWhere } from '../../posts/published.js';
import { ConflictError } from '../../common/conflict.js';
import { assertMayChange, type Viewer } from '../../auth/ownership.js';
import { type Page, pageOf, pageWindow } from '../common/pagination.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import {
  adminPostListSelect,
  adminPostSelect,
  toAdminPost,
  toAdminPostListItem,
} from './admin-post-views.js';
import {
  clearPendingDraft,
  currentContent,
  findPendingDraft,
  keepRevision,
  LISTED_REVISIONS,
  revisionSelect,
  type RevisionContent,
  toRevisionListItem,
  toRevisionView,
} from './post-revisions.js';
import { firstFreeSlug, lockSlugAllocation, slugFromText } from '../../slugs/slugs.js';
import {
  loadSnapshot,
  type PostSnapshot,
  recordPostSaved,
  type Tx,
} from '../../posts/post-snapshot.js';

const NOT_YOUR_POST = 'This post belongs to another author: only they or an admin may change it';

const SORTS = {
  updated: { field: 'updatedAt', defaultOrder: 'desc' },
  published: { field: 'publishedAt', defaultOrder: 'desc' },
  title: { field: 'title', defaultOrder: 'asc' },
} as const;

/** Post writes for the admin panel: one transaction each, recording `post.saved`/`post.deleted`. */
@Injectable()
export class AdminPostsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  /** One page of posts in every state; three queries whatever the page size. */
  async list(query: ListAdminPostsQuery, viewer: Viewer): Promise<Page<AdminPostListItem>> {
    const now = new Date();
    const where: Prisma.PostWhereInput = {
      kind: query.kind === 'page' ? 'PAGE' : 'POST',
      ...(query.q ? { title: insensitiveContains(query.q) } : {}),
      ...(query.category
        ? { categories: { some: { categoryId: await this.categoryId(query.category) } } }
        : {}),
      ...(query.status === 'draft' ? { status: 'DRAFT' } : {}),
      ...(query.status === 'published' ? publishedWhere(now) : {}),
      ...(query.status === 'scheduled' ? { status: 'PUBLISHED', publishedAt: { gt: now } } : {}),
    };
    const sort = SORTS[query.sort];
    const order = query.order ?? sort.defaultOrder;
    const orderBy: Prisma.PostOrderByWithRelationInput[] = [
      // Drafts (no date) sort last; with a status that implies a date, the plain order can use
      // the (status, publishedAt, id) index.
      sort.field === 'publishedAt' && (query.status === 'all' || query.status === 'draft')
        ? { publishedAt: { sort: order, nulls: 'last' } }
        : { [sort.field]: order },
      { id: order },
    ];
    const [total, rows] = await Promise.all([
      this.prisma.post.count({ where }),
      this.prisma.post.findMany({
        where,
        orderBy,
        ...pageWindow(query),
        select: adminPostListSelect,
      }),
    ]);
    // Counted for this page's posts only: Prisma's relation _count would aggregate every comment.
    const counts = await this.prisma.comment.groupBy({
      by: ['postId', 'approved'],
      where: { postId: { in: rows.map((row) => row.id) } },
      _count: { _all: true },
    });
    const countOf = (postId: number, approved: boolean) =>
      counts.find((c) => c.postId === postId && c.approved === approved)?._count._all ?? 0;
    return pageOf(
      rows.map((row) =>
        toAdminPostListItem(row, countOf(row.id, true), countOf(row.id, false), now, viewer),
      ),
      total,
      query,
    );
  }

  /** An unknown slug matches no post (an empty page, like an empty category). */
  private async categoryId(slug: string): Promise<number> {
    const category = await this.prisma.category.findUnique({
      where: { slug },
      select: { id: true },
    });
    return category?.id ?? 0;
  }

  async get(id: number, viewer: Viewer): Promise<AdminPostView> {
    const row = await this.prisma.post.findUnique({ where: { id }, select: adminPostSelect });
    if (!row) throw new NotFoundError(`No post has the id ${id}`);
    return toAdminPost(row, viewer);
  }

  /** The editor's preview, uploaded images included, exactly as the published post renders. */
  async preview(markdown: string): Promise<{ html: string }> {
    return { html: renderPostMarkdown(markdown, await loadKnownImages(this.prisma, markdown)) };
  }

  async create(input: CreatePostInput, author: Viewer): Promise<AdminPostView> {
    const page = input.kind === 'page';
    if (page) refuseCategoriesOnPage(input.categories);
    const after = await this.write(async (tx, record) => {
      const slug = input.slug
        ? await this.claimSlug(tx, input.slug, null, page)
        : await this.freeSlug(tx, slugFromText(input.title, page ? 'page' : 'post'), page);
      const categoryIds = await this.resolveCategories(tx, input.categories);
      const series = await this.resolveSeries(tx, input.series);
      await assertCoverUploaded(tx, input.coverImageId);
      const post = await tx.post.create({
        data: {
          kind: page ? 'PAGE' : 'POST',
          slug,
          title: input.title,
          summary: input.summary,
          body: input.body,
          externalUrl: input.externalUrl,
          coverImageId: input.coverImageId,
          coverAlt: input.coverAlt,
          status: 'DRAFT',
          authorId: author.id,
          ...series,
          categories: { create: categoryIds.map((categoryId) => ({ categoryId })) },
        },
        select: { id: true },
      });
      await tx.postSlugRedirect.deleteMany({ where: { oldSlug: slug } });
      await keepRevision(tx, post.id, await currentContent(tx, post.id), author.id, false);
      const after = await loadSnapshot(tx, post.id);
      await recordPostSaved(tx, record, null, after);
      return after;
    });
    return this.get(after.id, author);
  }

  async update(id: number, input: UpdatePostInput, actor: Viewer): Promise<AdminPostView> {
    const { version, categories, slug, series, ...fields } = input;
    return this.saveVersioned(id, version, actor, async (tx, before) => {
      const page = before.kind === 'page';
      if (page && categories) refuseCategoriesOnPage(categories);
      const newSlug =
        slug && slug !== before.slug ? await this.claimSlug(tx, slug, id, page) : null;
      const categoryIds = categories ? await this.resolveCategories(tx, categories) : null;
      await assertCoverUploaded(tx, fields.coverImageId);
      await this.bumpVersion(tx, actor, before, {
        ...fields,
        ...(newSlug ? { slug: newSlug } : {}),
        ...(series === undefined ? {} : await this.resolveSeries(tx, series)),
      });
      if (categoryIds) {
        await tx.postCategory.deleteMany({ where: { postId: id } });
        await tx.postCategory.createMany({
          data: categoryIds.map((categoryId) => ({ postId: id, categoryId })),
        });
      }
      if (newSlug) await this.keepOldSlugRedirecting(tx, id, before.slug, newSlug);
      // Published as saved: this ends any pending draft.
      await keepRevision(tx, id, await currentContent(tx, id), actor.id, false);
    });
  }

  /**
   * Keeps an edit as the post's pending draft. Nothing readers see changes (no `post.saved`,
   * the post's text, series place, cover and `updatedAt` stay), but the version moves on so a
   * stale editor still gets its 409.
   */
  async saveDraft(id: number, input: SaveDraftInput, actor: Viewer): Promise<AdminPostView> {
    await this.write(async (tx) => {
      const before = await loadSnapshot(tx, id);
      assertMayChange(actor, before.authorId, NOT_YOUR_POST);
      if (before.version !== input.version)
        throw await this.staleVersion(tx, id, input.version, actor);
      const base = (await findPendingDraft(tx, id)) ?? (await currentContent(tx, id));
      if (input.categories) await this.resolveCategories(tx, input.categories);
      await assertCoverUploaded(tx, input.coverImageId);
      const content: RevisionContent = {
        title: input.title ?? base.title,
        summary: input.summary ?? base.summary,
        body: input.body ?? base.body,
        categories: input.categories ?? base.categories,
        ...(input.series === undefined
          ? { seriesId: base.seriesId, seriesPart: base.seriesPart }
          : await this.resolveSeries(tx, input.series)),
        coverImageId: input.coverImageId === undefined ? base.coverImageId : input.coverImageId,
        coverAlt: input.coverAlt ?? base.coverAlt,
      };
      const { updatedAt } = await tx.post.findUniqueOrThrow({
        where: { id },
        select: { updatedAt: true },
      });
      const { count } = await tx.post.updateMany({
        where: { id, version: before.version },
        data: { version: { increment: 1 }, updatedAt },
      });
      if (count === 0) throw await this.staleVersion(tx, id, before.version, actor);
      await keepRevision(tx, id, content, actor.id, true);
    });
    return this.get(id, actor);
  }

  /** Drops the pending draft: the editor opens on the published post again. */
  async discardDraft(id: number, actor: Viewer): Promise<void> {
    await this.write(async (tx) => {
      const before = await loadSnapshot(tx, id);
      assertMayChange(actor, before.authorId, NOT_YOUR_POST);
      await clearPendingDraft(tx, id);
    });
  }

  /** The post's saves, newest first. */
  async listRevisions(id: number): Promise<PostRevisionListItem[]> {
    const post = await this.prisma.post.findUnique({
      where: { id },
      select: {
        revisions: {
          orderBy: { id: 'desc' },
          take: LISTED_REVISIONS,
          select: {
            id: true,
            title: true,
            pending: true,
            createdAt: true,
            author: revisionSelect.author,
          },
        },
      },
    });
    if (!post) throw new NotFoundError(`No post has the id ${id}`);
    return post.revisions.map(toRevisionListItem);
  }

  async getRevision(id: number, revisionId: number): Promise<PostRevisionView> {
    const row = await this.prisma.postRevision.findFirst({
      where: { id: revisionId, postId: id },
      select: revisionSelect,
    });
    if (!row) throw new NotFoundError(`Post ${id} has no revision with the id ${revisionId}`);
    return toRevisionView(row);
  }

  /**
   * Saves a revision's text again, as a new revision: a public post's becomes its pending draft,
   * any other post's is saved as usual. Categories deleted since are left out.
   */
  async restore(
    id: number,
    revisionId: number,
    input: VersionOnlyInput,
    actor: Viewer,
  ): Promise<AdminPostView> {
    const revision = await this.getRevision(id, revisionId);
    const known = await this.prisma.category.findMany({
      where: { slug: { in: revision.categories } },
      select: { slug: true },
    });
    const text = {
      version: input.version,
      title: revision.title,
      summary: revision.summary,
      body: revision.body,
      categories: known.map((category) => category.slug),
    };
    const { public: isPublic } = await loadSnapshot(this.prisma, id);
    return isPublic ? this.saveDraft(id, text, actor) : this.update(id, text, actor);
  }

  /** Public now, or at `publishAt` (scheduled: the public API shows it once the date has come). */
  publish(id: number, input: PublishPostInput, actor: Viewer): Promise<AdminPostView> {
    return this.saveVersioned(id, input.version, actor, async (tx, before) => {
      const publishedAt = input.publishAt ?? (before.public ? before.publishedAt : new Date());
      await this.bumpVersion(tx, actor, before, { status: 'PUBLISHED', publishedAt });
    });
  }

  unpublish(id: number, input: VersionOnlyInput, actor: Viewer): Promise<AdminPostView> {
    return this.saveVersioned(id, input.version, actor, (tx, before) =>
      this.bumpVersion(tx, actor, before, { status: 'DRAFT', publishedAt: null }),
    );
  }

  async delete(id: number, actor: Viewer): Promise<void> {
    await this.write(async (tx, record) => {
      const before = await loadSnapshot(tx, id);
      assertMayChange(actor, before.authorId, NOT_YOUR_POST);
      await tx.post.delete({ where: { id } });
      await record('post.deleted', {
        postId: before.id,
        kind: before.kind,
        slug: before.slug,
        categorySlugs: before.categorySlugs,
        wasPublished: before.public,
      });
    });
  }

  /**
   * Optimistic concurrency: the change applies only to the version the editor started from.
   * A stale version answers 409 with the post as it is now, so the editor can show the difference.
   */
  private async saveVersioned(
    id: number,
    version: number,
    actor: Viewer,
    change: (tx: Tx, before: PostSnapshot) => Promise<void>,
  ): Promise<AdminPostView> {
    await this.write(async (tx, record) => {
      const before = await loadSnapshot(tx, id);
      // Ownership first: someone else's post answers 403, never a 409 showing its text.
      assertMayChange(actor, before.authorId, NOT_YOUR_POST);
      if (before.version !== version) throw await this.staleVersion(tx, id, version, actor);
      await change(tx, before);
      await recordPostSaved(tx, record, before, await loadSnapshot(tx, id));
    });
    return this.get(id, actor);
  }

  /** The compare-and-set itself: a concurrent save that won the race leaves nothing to update. */
  private async bumpVersion(
    tx: Tx,
    actor: Viewer,
    before: PostSnapshot,
    data: Prisma.PostUncheckedUpdateManyInput,
  ): Promise<void> {
    const { count } = await tx.post.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw await this.staleVersion(tx, before.id, before.version, actor);
  }

  private async staleVersion(
    tx: Tx,
    id: number,
    version: number,
    viewer: Viewer,
  ): Promise<ConflictError> {
    const current = await tx.post.findUnique({ where: { id }, select: adminPostSelect });
    return new ConflictError(
      `The post was changed since version ${version} (now version ${current?.version ?? '?'})`,
      { current: current ? toAdminPost(current, viewer) : null },
    );
  }

  /**
   * Runs a write and records its events in one transaction (the outbox runs them once committed);
   * a slug race lost at the unique index is the same 409 as a taken slug.
   */
  private async write<T>(work: (tx: Tx, record: RecordEvent) => Promise<T>): Promise<T> {
    try {
      return await this.outbox.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw slugConflict();
      throw error;
    }
  }

  private async slugTaken(tx: Tx, slug: string, exceptPostId: number | null): Promise<boolean> {
    const post = await tx.post.findFirst({
      where: { slug, ...(exceptPostId ? { id: { not: exceptPostId } } : {}) },
      select: { id: true },
    });
    return post !== null;
  }

  /** A page never gets an address the site serves itself (`search` becomes `search-2`). */
  private async freeSlug(tx: Tx, base: string, page: boolean): Promise<string> {
    await lockSlugAllocation(tx, 'Post', base);
    return firstFreeSlug(base, async (prefix) => {
      const rows = await tx.post.findMany({
        where: { slug: { startsWith: prefix } },
        select: { slug: true },
      });
      const reserved = page ? RESERVED_PAGE_SLUGS.filter((slug) => slug.startsWith(prefix)) : [];
      return [...rows.map((row) => row.slug), ...reserved];
    });
  }

  private async claimSlug(
    tx: Tx,
    slug: string,
    postId: number | null,
    page: boolean,
  ): Promise<string> {
    if (page && isReservedPageSlug(slug)) {
      throw new ValidationError({ slug: `"${slug}" is an address the site uses itself` });
    }
    if (await this.slugTaken(tx, slug, postId)) throw slugConflict();
    return slug;
  }

  /** The old slug now points here; a live slug always wins over another post's old one. */
  private async keepOldSlugRedirecting(
    tx: Tx,
    postId: number,
    oldSlug: string,
    newSlug: string,
  ): Promise<void> {
    await tx.postSlugRedirect.deleteMany({ where: { oldSlug: newSlug } });
    await tx.postSlugRedirect.upsert({
      where: { oldSlug },
      create: { oldSlug, postId },
      update: { postId },
    });
  }

  /** The columns that place a post in a series (or in none). */
  private async resolveSeries(
    tx: Tx,
    series: PostSeriesInput,
  ): Promise<{ seriesId: number | null; seriesPart: number | null }> {
    if (series === null) return { seriesId: null, seriesPart: null };
    const row = await tx.series.findUnique({ where: { slug: series.slug }, select: { id: true } });
    if (!row) throw new ValidationError({ series: `unknown series: ${series.slug}` });
    return { seriesId: row.id, seriesPart: series.part };
  }

  private async resolveCategories(tx: Tx, slugs: string[]): Promise<number[]> {
    if (slugs.length === 0) return [];
    const rows = await tx.category.findMany({
      where: { slug: { in: slugs } },
      select: { id: true, slug: true },
    });
    const missing = slugs.filter((slug) => !rows.some((row) => row.slug === slug));
    if (missing.length > 0)
      throw new ValidationError({ categories: `unknown category: ${missing.join(', ')}` });
    return rows.map((row) => row.id);
  }
}

/** A cover must be an upload: an unknown id is the author's mistake (400), not a broken key. */
async function assertCoverUploaded(tx: Tx, coverImageId: number | null | undefined): Promise<void> {
  if (coverImageId == null) return;
  const image = await tx.image.findUnique({ where: { id: coverImageId }, select: { id: true } });
  if (!image) throw new ValidationError({ coverImageId: 'must be an uploaded image' });
}

function refuseCategoriesOnPage(categories: readonly string[]): void {
  if (categories.length > 0) {
    throw new ValidationError({ categories: 'a page has no categories' });
  }
}

function slugConflict(): ConflictError {
  return new ConflictError('slug is already used by another post', {
    fields: { slug: 'is already used by another post' },
  });
}
