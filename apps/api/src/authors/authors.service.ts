import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { type AuthorView } from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import { PRISMA } from '../core/tokens.js';
import { renderCommentMarkdown } from '../markdown/render-markdown.js';
import { publishedWhere } from '../posts/published.js';
import { avatarUrl } from './author-view.js';

/**
 * Author pages. An author with published posts has one, disabled or not: their posts stay public,
 * so the page their bylines link to does too. Someone with no published post has none (404).
 */
@Injectable()
export class AuthorsService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async get(slug: string): Promise<AuthorView> {
    const user = await this.prisma.user.findUnique({
      where: { slug },
      select: {
        slug: true,
        name: true,
        bio: true,
        avatarImage: { select: { hash: true } },
        _count: { select: { posts: { where: publishedWhere() } } },
      },
    });
    if (!user || user._count.posts === 0) {
      throw new NotFoundError(`No author with published posts has the slug "${slug}"`);
    }
    return {
      slug,
      name: user.name,
      // A bio is short prose: rendered like a comment (no raw HTML, no uploads' pictures).
      bioHtml: user.bio ? renderCommentMarkdown(user.bio) : '',
      avatar: user.avatarImage ? { url: avatarUrl(user.avatarImage.hash) } : null,
      postCount: user._count.posts,
    };
  }
}
