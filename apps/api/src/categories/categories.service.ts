import { type CategoryView } from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { PRISMA } from '../core/tokens.js';
import { publishedWhere } from '../posts/published.js';

@Injectable()
export class CategoriesService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Every category with its number of published posts, by name (the controller caches it). */
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
