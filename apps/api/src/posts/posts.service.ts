import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import {
  type ListPostsQuery,
  type PostDetailView,
  type PostListView,
  type PostSummaryView,
} from '@inkwell/contract';
import { type ShareImageText } from '@inkwell/assets/share-images';
import { buildCommentThread } from '../comments/comment-thread.js';
import { MovedError, NotFoundError } from '../common/not-found.js';
import { PRISMA } from '../core/tokens.js';
import { loadKnownImages } from '../images/known-images.js';
import {
  renderCommentMarkdown,
  renderPost,
  renderPostMarkdown,
} from '../markdown/render-markdown.js';
import {
  approvedCommentCount,
  authorRefSelect,
  categoryRefSelect,
  publicPostSelect,
  publishedWhere,
} from './published.js';
import { findCategoryRedirects } from '../categories/category-redirects.js';
import { findPathRedirect } from './path-redirects.js';
import { findRedirect } from './post-redirects.js';
import { readingMinutes } from './reading-time.js';
import { loadSeriesNav } from './series-nav.js';
import { shareImageOf } from './share-image.js';
import { SettingsService } from '../settings/settings.service.js';

const summarySelect = {
  ...publicPostSelect,
  externalUrl: true,
  wordCount: true,
  categories: categoryRefSelect,
  author: authorRefSelect,
  _count: approvedCommentCount,
  coverImage: { select: { hash: true, width: true, height: true } },
  coverAlt: true,
} satisfies Prisma.PostSelect;

type SummaryRow = Prisma.PostGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): PostSummaryView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    publishedAt: row.publishedAt!.toISOString(),
    externalUrl: row.externalUrl,
    categories: row.categories.map(({ category }) => category),
    commentCount: row._count.comments,
    readingMinutes: readingMinutes(row.wordCount),
    cover: row.coverImage ? { ...row.coverImage, alt: row.coverAlt } : null,
    author: row.author,
  };
}

const RELATED_POSTS = 3;

@Injectable()
export class PostsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  /**
   * Published posts, newest first; a fixed number of queries whatever the page size. Not
   * memoized here: the controller caches the serialised answer.
   */
  async listPosts(query: ListPostsQuery): Promise<PostListView> {
    const categories = query.category.length > 0 ? await this.findCategories(query.category) : [];
    const author = query.author ? await this.findAuthor(query.author) : null;
    const where: Prisma.PostWhereInput = {
      ...publishedWhere(),
      ...(categories.length > 0
        ? { categories: { some: { categoryId: { in: categories.map((c) => c.id) } } } }
        : {}),
      ...(author ? { authorId: author.id } : {}),
    };
    const withHtml = query.content === 'html';
    const [total, rows] = await Promise.all([
      this.prisma.post.count({ where }),
      this.prisma.post.findMany({
        where,
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
        select: { ...summarySelect, body: withHtml },
      }),
    ]);
    // One image query for the whole page, however many posts show uploads.
    const images = withHtml
      ? await loadKnownImages(this.prisma, rows.map((row) => row.body).join('\n'))
      : null;
    return {
      items: rows.map((row) => ({
        ...toSummary(row),
        ...(images ? { html: renderPostMarkdown(row.body, images) } : {}),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
      pages: Math.ceil(total / query.pageSize),
      categories: categories.map(({ slug, name }) => ({ slug, name })),
      author: author ? { slug: author.slug, name: author.name } : null,
    };
  }

  /** An author of published posts, by the slug of their author page. */
  private async findAuthor(slug: string) {
    const author = await this.prisma.user.findUnique({
      where: { slug },
      select: { id: true, slug: true, name: true },
    });
    if (!author) throw new NotFoundError(`Unknown author: ${slug}`);
    return author;
  }

  /**
   * The public post page: rendered body, comment thread, neighbours and related posts. Not
   * memoized here: the controller caches the serialised page, one entry per post.
   */
  async getPost(slug: string): Promise<PostDetailView> {
    const content = await this.getPostContent(slug).catch(async (error: unknown) => {
      const newSlug =
        error instanceof NotFoundError
          ? ((await findRedirect(this.prisma, slug)) ??
            // An imported post's old address under /posts/ (Hugo's, or an exported renamed slug).
            (await findPathRedirect(this.prisma, `/posts/${slug}`)))
          : null;
      throw newSlug ? new MovedError(newSlug, `/api/posts/${newSlug}`) : error;
    });
    return { ...content, ...(await this.getPostLinks(content.post.id)) };
  }

  /** What a published post's share image shows: its title and the site's name. */
  async shareImageText(slug: string): Promise<ShareImageText> {
    const [post, settings] = await Promise.all([
      this.prisma.post.findFirst({ where: { slug, ...publishedWhere() }, select: { title: true } }),
      this.settings.get(),
    ]);
    if (!post) throw new NotFoundError(`No published post has the slug "${slug}"`);
    return { title: post.title, siteName: settings.title };
  }

  /** What changes with the post itself and its comments. */
  private async getPostContent(
    slug: string,
  ): Promise<Pick<PostDetailView, 'post' | 'comments' | 'shareImage'>> {
    const post = await this.prisma.post.findFirst({
      where: { slug, ...publishedWhere() },
      select: { ...summarySelect, body: true, updatedAt: true },
    });
    if (!post) throw new NotFoundError(`No published post has the slug "${slug}"`);
    const [comments, images, settings] = await Promise.all([
      this.prisma.comment.findMany({
        where: { postId: post.id, approved: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, parentId: true, authorName: true, body: true, createdAt: true },
      }),
      loadKnownImages(this.prisma, post.body),
      this.settings.get(),
    ]);
    const { html, headings } = renderPost(post.body, images);
    const summary = toSummary(post);
    return {
      shareImage: shareImageOf(summary, settings.title),
      post: { ...summary, updatedAt: post.updatedAt.toISOString(), html, headings },
      comments: buildCommentThread(
        comments.map((comment) => ({
          id: comment.id,
          parentId: comment.parentId,
          authorName: comment.authorName,
          html: renderCommentMarkdown(comment.body),
          createdAt: comment.createdAt.toISOString(),
        })),
      ),
    };
  }

  /** What changes when any other post is published, moved or removed (series parts too). */
  private async getPostLinks(
    postId: number,
  ): Promise<Pick<PostDetailView, 'previous' | 'next' | 'related' | 'series'>> {
    const now = new Date();
    const post = await this.prisma.post.findUniqueOrThrow({
      where: { id: postId },
      select: {
        publishedAt: true,
        seriesId: true,
        categories: { select: { categoryId: true } },
      },
    });
    const publishedAt = post.publishedAt!;
    const neighbour = (direction: 'lt' | 'gt') =>
      this.prisma.post.findFirst({
        where: {
          ...publishedWhere(now),
          OR: [
            { publishedAt: { [direction]: publishedAt } },
            { publishedAt, id: { [direction]: postId } },
          ],
        },
        orderBy: [
          { publishedAt: direction === 'lt' ? 'desc' : 'asc' },
          { id: direction === 'lt' ? 'desc' : 'asc' },
        ],
        select: { slug: true, title: true },
      });
    const [previous, next, related, series] = await Promise.all([
      neighbour('lt'),
      neighbour('gt'),
      this.prisma.post.findMany({
        where: {
          ...publishedWhere(now),
          id: { not: postId },
          categories: { some: { categoryId: { in: post.categories.map((c) => c.categoryId) } } },
        },
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        take: RELATED_POSTS,
        select: { slug: true, title: true, publishedAt: true },
      }),
      loadSeriesNav(this.prisma, postId, post.seriesId, now),
    ]);
    return {
      series,
      previous,
      next,
      related: related.map((r) => ({
        slug: r.slug,
        title: r.title,
        publishedAt: r.publishedAt!.toISOString(),
      })),
    };
  }

  private async findCategories(slugs: string[]) {
    const categories = await this.prisma.category.findMany({
      where: { slug: { in: slugs } },
      orderBy: { name: 'asc' },
      select: { id: true, slug: true, name: true },
    });
    const missing = slugs.filter((slug) => !categories.some((c) => c.slug === slug));
    if (missing.length === 0) return categories;
    const current = await findCategoryRedirects(this.prisma, missing);
    if (current.size < missing.length) {
      throw new NotFoundError(`Unknown category: ${missing.join(', ')}`);
    }
    // Renamed or merged: the same listing under the categories' current slugs.
    const moved = [...new Set(slugs.map((slug) => current.get(slug) ?? slug))].join(',');
    throw new MovedError(moved, `/api/posts?category=${moved}`);
  }
}
