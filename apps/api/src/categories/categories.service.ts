import { type CategoryView } from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { cacheMemoize } from '@inkwell/cache';
import { type PrismaClient } from '@inkwell/prisma';
import { PRISMA } from '../core/tokens.js';
import { CATEGORIES_TAG, CATEGORIES_TTL_SECONDS } from '../posts/post-cache-tags.js';
import { publishedWhere } from '../posts/published.js';

@Injectable()
export class CategoriesService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Every category with its number of published posts, by name. */
  @cacheMemoize(CATEGORIES_TTL_SECONDS, { prefix: 'categories.list', tags: () => [CATEGORIES_TAG] })
  async listCategories(): Promise<{ items: CategoryView[] }> {
    const rows = await this.prisma.category.findMany({
      orderBy: { name: 'asc' },
      select: {
        slug: true,
        name: true,
        description: true,
        _count: { select: { posts: { where: { post: publishedWhere() } } } },
      },
    });
    return {
      items: rows.map(({ _count, ...category }) => ({ ...category, postCount: _count.posts })),
    };
  }
}
