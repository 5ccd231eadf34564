import { Inject, Injectable } from '@nestjs/common';
import { type PostPreviewView } from '@inkwell/contract';
import { type PrismaClient } from '@inkwell/prisma';
import { hashSessionToken } from '../auth/session-tokens.js';
import { NotFoundError } from '../common/not-found.js';
import { PRISMA } from '../core/tokens.js';
import { loadKnownImages } from '../images/known-images.js';
import { renderPostMarkdown } from '../markdown/render-markdown.js';
import { publicPostSelect } from './published.js';
import { postState } from './post-state.js';
import { loadPreviewSeriesNav } from './series-nav.js';

/** What `newRandomToken` makes: 43 URL-safe characters (anything else cannot be a link). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const NO_SUCH_LINK = 'This preview link does not exist or was revoked';

/** A post's or a draft's series place and cover. */
const placeAndCover = {
  seriesId: true,
  seriesPart: true,
  coverImage: { select: { hash: true, width: true, height: true } },
  coverAlt: true,
} as const;

/**
 * A post as its preview link shows it: a published post's pending draft when it has one,
 * else the post as saved. Never memoized: a revoked link must be a 404 at once.
 */
@Injectable()
export class PostPreviewService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async preview(token: string): Promise<PostPreviewView> {
    if (!TOKEN_PATTERN.test(token)) throw new NotFoundError(NO_SUCH_LINK);
    const link = await this.prisma.previewLink.findUnique({
      where: { tokenHash: hashSessionToken(token) },
      select: {
        post: {
          select: {
            ...publicPostSelect,
            body: true,
            externalUrl: true,
            status: true,
            updatedAt: true,
            ...placeAndCover,
            categories: { select: { category: { select: { slug: true, name: true } } } },
            revisions: {
              where: { pending: true },
              take: 1,
              select: {
                title: true,
                summary: true,
                body: true,
                categories: true,
                createdAt: true,
                ...placeAndCover,
              },
            },
          },
        },
      },
    });
    if (!link) throw new NotFoundError(NO_SUCH_LINK);
    const { post } = link;
    const draft = post.revisions[0];
    const text = draft ?? {
      ...post,
      categories: post.categories.map(({ category }) => category.slug),
      createdAt: post.updatedAt,
    };
    const [categories, series] = await Promise.all([
      this.prisma.category.findMany({
        where: { slug: { in: text.categories } },
        orderBy: { name: 'asc' },
        select: { slug: true, name: true },
      }),
      loadPreviewSeriesNav(
        this.prisma,
        { id: post.id, slug: post.slug, title: text.title, seriesPart: text.seriesPart },
        text.seriesId,
        new Date(),
      ),
    ]);
    return {
      title: text.title,
      summary: text.summary,
      html: renderPostMarkdown(text.body, await loadKnownImages(this.prisma, text.body)),
      externalUrl: post.externalUrl,
      categories,
      cover: text.coverImage ? { ...text.coverImage, alt: text.coverAlt } : null,
      series,
      state: postState(post.status, post.publishedAt),
      publishedAt: post.publishedAt?.toISOString() ?? null,
      pendingEdit: draft !== undefined,
      savedAt: text.createdAt.toISOString(),
    };
  }
}
