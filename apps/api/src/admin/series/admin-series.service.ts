import {
  type AdminSeriesView,
  type CreateSeriesInput,
  type UpdateSeriesInput,
} from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { ConflictError } from '../../common/conflict.js';
import { insensitiveEquals } from '../../common/insensitive-filters.js';
import { NotFoundError } from '../../common/not-found.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { PRISMA } from '../../core/tokens.js';
import { Outbox, type RecordEvent } from '../../events/outbox.js';
import { type Tx } from '../../posts/post-snapshot.js';
import { firstFreeSlug, lockSlugAllocation, slugFromText } from '../../slugs/slugs.js';

const seriesSelect = {
  id: true,
  slug: true,
  name: true,
  _count: { select: { posts: true } },
} satisfies Prisma.SeriesSelect;

function toView(row: Prisma.SeriesGetPayload<{ select: typeof seriesSelect }>): AdminSeriesView {
  return { id: row.id, slug: row.slug, name: row.name, postCount: row._count.posts };
}

/** Series: list with counts, start one, rename it. Posts join a series through the post editor. */
@Injectable()
export class AdminSeriesService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  async list(): Promise<AdminSeriesView[]> {
    const rows = await this.prisma.series.findMany({
      orderBy: { name: 'asc' },
      select: seriesSelect,
    });
    return rows.map(toView);
  }

  async get(id: number): Promise<AdminSeriesView> {
    const row = await this.prisma.series.findUnique({ where: { id }, select: seriesSelect });
    if (!row) throw new NotFoundError(`No series has the id ${id}`);
    return toView(row);
  }

  async create(input: CreateSeriesInput): Promise<AdminSeriesView> {
    const created = await this.write(async (tx) => {
      await this.assertNameFree(tx, input.name, null);
      const slug = input.slug
        ? await this.claimSlug(tx, input.slug, null)
        : await this.freeSlug(tx, slugFromText(input.name, 'series'));
      // No event: an empty series shows nowhere until a post joins it (a `post.saved`).
      return tx.series.create({ data: { name: input.name, slug }, select: { id: true } });
    });
    return this.get(created.id);
  }

  /** Every part's page shows the name: the event drops them all. */
  async update(id: number, input: UpdateSeriesInput): Promise<AdminSeriesView> {
    await this.write(async (tx, record) => {
      const before = await tx.series.findUnique({ where: { id }, select: { id: true } });
      if (!before) throw new NotFoundError(`No series has the id ${id}`);
      if (input.name !== undefined) await this.assertNameFree(tx, input.name, id);
      if (input.slug !== undefined) await this.claimSlug(tx, input.slug, id);
      await tx.series.update({ where: { id }, data: input });
      await record('series.saved', { seriesId: id });
    });
    return this.get(id);
  }

  private async write<T>(work: (tx: Tx, record: RecordEvent) => Promise<T>): Promise<T> {
    try {
      return await this.outbox.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('A series with this name or slug exists already');
      }
      throw error;
    }
  }

  private async assertNameFree(tx: Tx, name: string, exceptId: number | null): Promise<void> {
    const other = await tx.series.findFirst({
      where: { name: insensitiveEquals(name), ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    if (other) {
      throw new ConflictError('name is already used by another series', {
        fields: { name: 'is already used by another series' },
      });
    }
  }

  private async freeSlug(tx: Tx, base: string): Promise<string> {
    await lockSlugAllocation(tx, 'Series', base);
    return firstFreeSlug(base, async (prefix) => {
      const rows = await tx.series.findMany({
        where: { slug: { startsWith: prefix } },
        select: { slug: true },
      });
      return rows.map((row) => row.slug);
    });
  }

  private async claimSlug(tx: Tx, slug: string, exceptId: number | null): Promise<string> {
    const other = await tx.series.findFirst({
      where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    if (other) {
      throw new ConflictError('slug is already used by another series', {
        fields: { slug: 'is already used by another series' },
      });
    }
    return slug;
  }
}
