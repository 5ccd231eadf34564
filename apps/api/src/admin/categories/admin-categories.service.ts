import {
  type AdminCategoryView,
  type CreateCategoryInput,
  type UpdateCategoryInput,
} from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { insensitiveEquals } from '../../common/insensitive-filters.js';
import { NotFoundError } from '../../common/not-found.js';
import { ValidationError } from '../../common/validation.js';
import { PRISMA } from '../../core/tokens.js';
import { Outbox, type RecordEvent } from '../../events/outbox.js';
import { ConflictError } from '../../common/conflict.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { claimCategorySlug, redirectCategorySlug } from '../../categories/category-redirects.js';
import { firstFreeSlug, lockSlugAllocation, slugFromText } from '../../slugs/slugs.js';
import {
  loadSnapshots,
  type PostSnapshot,
  recordPostSaved,
  type Tx,
} from '../../posts/post-snapshot.js';

const categorySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  _count: { select: { posts: true } },
} as const;

function toView(row: {
  id: number;
  slug: string;
  name: string;
  description: string;
  _count: { posts: number };
}): AdminCategoryView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    postCount: row._count.posts,
  };
}

/** Categories: list with counts, create, rename, merge, delete (moving posts first when asked). */
@Injectable()
export class AdminCategoriesService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  async list(): Promise<AdminCategoryView[]> {
    const rows = await this.prisma.category.findMany({
      orderBy: { name: 'asc' },
      select: categorySelect,
    });
    return rows.map(toView);
  }

  async get(id: number): Promise<AdminCategoryView> {
    const row = await this.prisma.category.findUnique({ where: { id }, select: categorySelect });
    if (!row) throw new NotFoundError(`No category has the id ${id}`);
    return toView(row);
  }

  async create(input: CreateCategoryInput): Promise<AdminCategoryView> {
    const created = await this.write(async (tx, record) => {
      await this.assertNameFree(tx, input.name, null);
      const slug = input.slug
        ? await this.claimSlug(tx, input.slug, null)
        : await this.freeSlug(tx, slugFromText(input.name, 'category'));
      const created = await tx.category.create({
        data: { name: input.name, slug, description: input.description },
        select: { id: true, slug: true, name: true },
      });
      await claimCategorySlug(tx, slug);
      await record('category.saved', {
        categoryId: created.id,
        slug: created.slug,
        previousSlug: null,
        name: created.name,
      });
      return created;
    });
    return this.get(created.id);
  }

  async update(id: number, input: UpdateCategoryInput): Promise<AdminCategoryView> {
    await this.write(async (tx, record) => {
      const before = await this.find(tx, id);
      if (input.name !== undefined) await this.assertNameFree(tx, input.name, id);
      if (input.slug !== undefined) await this.claimSlug(tx, input.slug, id);
      const after = await tx.category.update({
        where: { id },
        data: input,
        select: { id: true, slug: true, name: true },
      });
      if (after.slug !== before.slug) {
        await claimCategorySlug(tx, after.slug);
        await redirectCategorySlug(tx, before.slug, id);
      }
      await record('category.saved', {
        categoryId: id,
        slug: after.slug,
        previousSlug: before.slug,
        name: after.name,
      });
    });
    return this.get(id);
  }

  /** Files every post of `sourceId` under `targetId` too, then deletes `sourceId`. */
  async merge(sourceId: number, targetId: number): Promise<AdminCategoryView> {
    if (sourceId === targetId) throw new ValidationError({ into: 'must be another category' });
    await this.moveAndDelete(sourceId, targetId);
    return this.get(targetId);
  }

  /** Refused while posts use the category, unless `reassignTo` names where they go. */
  async delete(id: number, reassignTo: number | undefined): Promise<void> {
    if (reassignTo === id) throw new ValidationError({ reassignTo: 'must be another category' });
    await this.moveAndDelete(id, reassignTo ?? null);
  }

  private async moveAndDelete(sourceId: number, targetId: number | null): Promise<void> {
    await this.write(async (tx, record) => {
      const source = await this.find(tx, sourceId);
      const target = targetId === null ? null : await this.find(tx, targetId);
      const postIds = (
        await tx.postCategory.findMany({
          where: { categoryId: sourceId },
          select: { postId: true },
        })
      ).map((link) => link.postId);
      if (!target && postIds.length > 0) {
        throw new ConflictError(
          `Category is used by ${postIds.length} post${postIds.length === 1 ? '' : 's'}; give reassignTo to move them`,
          { postCount: postIds.length },
        );
      }
      const before = await loadSnapshots(tx, { id: { in: postIds } });
      if (target) {
        await tx.postCategory.createMany({
          data: postIds.map((postId) => ({ postId, categoryId: target.id })),
          skipDuplicates: true,
        });
      }
      // Links and feeds of the merged category lead to where its posts went.
      if (target) await redirectCategorySlug(tx, source.slug, target.id, source.id);
      await tx.category.delete({ where: { id: sourceId } });
      const beforeById = new Map<number, PostSnapshot>(before.map((s) => [s.id, s]));
      for (const after of await loadSnapshots(tx, { id: { in: postIds } })) {
        await recordPostSaved(tx, record, beforeById.get(after.id)!, after);
      }
      await record('category.deleted', {
        categoryId: source.id,
        slug: source.slug,
        mergedInto: target?.slug ?? null,
      });
    });
  }

  private async find(tx: Tx, id: number): Promise<{ id: number; slug: string }> {
    const row = await tx.category.findUnique({ where: { id }, select: { id: true, slug: true } });
    if (!row) throw new NotFoundError(`No category has the id ${id}`);
    return row;
  }

  /** A write and its events in one transaction; the outbox runs the events once committed. */
  private async write<T>(work: (tx: Tx, record: RecordEvent) => Promise<T>): Promise<T> {
    try {
      return await this.outbox.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('A category with this name or slug exists already');
      }
      throw error;
    }
  }

  private async assertNameFree(tx: Tx, name: string, exceptId: number | null): Promise<void> {
    const other = await tx.category.findFirst({
      where: {
        name: insensitiveEquals(name),
        ...(exceptId ? { id: { not: exceptId } } : {}),
      },
      select: { id: true },
    });
    if (other) {
      throw new ConflictError('name is already used by another category', {
        fields: { name: 'is already used by another category' },
      });
    }
  }

  private async freeSlug(tx: Tx, base: string): Promise<string> {
    await lockSlugAllocation(tx, 'Category', base);
    return firstFreeSlug(base, async (prefix) => {
      const rows = await tx.category.findMany({
        where: { slug: { startsWith: prefix } },
        select: { slug: true },
      });
      return rows.map((row) => row.slug);
    });
  }

  private async slugTaken(tx: Tx, slug: string, exceptId: number | null): Promise<boolean> {
    const other = await tx.category.findFirst({
      where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    return other !== null;
  }

  private async claimSlug(tx: Tx, slug: string, exceptId: number | null): Promise<string> {
    if (await this.slugTaken(tx, slug, exceptId)) {
      throw new ConflictError('slug is already used by another category', {
        fields: { slug: 'is already used by another category' },
      });
    }
    return slug;
  }
}
