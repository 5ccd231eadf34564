import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { type PageDetailView, type PageListView } from '@inkwell/contract';
import { MovedError, NotFoundError } from '../common/not-found.js';
import { PRISMA } from '../core/tokens.js';
import { loadKnownImages } from '../images/known-images.js';
import { renderPostMarkdown } from '../markdown/render-markdown.js';
import { findRedirect } from '../posts/post-redirects.js';
import { publicPostSelect, publishedPageWhere } from '../posts/published.js';
import { navigationOrder } from './navigation-order.js';

/** Static pages as readers see them: the navigation's list and each page. */
@Injectable()
export class PagesService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Published pages, in the order the site's settings give (the others after, by title). */
  async list(): Promise<PageListView> {
    const [pages, settings] = await Promise.all([
      this.prisma.post.findMany({
        where: publishedPageWhere(),
        orderBy: [{ title: 'asc' }, { id: 'asc' }],
        select: { id: true, slug: true, title: true },
      }),
      this.prisma.siteSettings.findUnique({ where: { id: 1 }, select: { pageOrder: true } }),
    ]);
    return { items: navigationOrder(pages, settings?.pageOrder ?? []) };
  }

  /** A published page; a renamed one's old slug answers 301 to its current one. */
  async get(slug: string): Promise<PageDetailView> {
    const page = await this.prisma.post.findFirst({
      where: { slug, ...publishedPageWhere() },
      select: { ...publicPostSelect, body: true, updatedAt: true },
    });
    if (!page) {
      const newSlug = await findRedirect(this.prisma, slug, publishedPageWhere());
      if (newSlug) throw new MovedError(newSlug, `/api/pages/${newSlug}`);
      throw new NotFoundError(`No published page has the slug "${slug}"`);
    }
    const { body, ...fields } = page;
    return {
      page: {
        ...fields,
        publishedAt: page.publishedAt!.toISOString(),
        updatedAt: page.updatedAt.toISOString(),
        html: renderPostMarkdown(body, await loadKnownImages(this.prisma, body)),
      },
    };
  }
}
