import { Inject, Injectable } from '@nestjs/common';
import { type CreatedPreviewLink, type PreviewLinkView } from '@inkwell/contract';
import { type PrismaClient } from '@inkwell/prisma';
import { assertMayChange, type Viewer } from '../../auth/ownership.js';
import { hashSessionToken, newRandomToken } from '../../auth/session-tokens.js';
import { NotFoundError } from '../../common/not-found.js';
import { PRISMA } from '../../core/tokens.js';

const NOT_YOUR_POST =
  'This post belongs to another author: only they or an admin may share its preview';

const linkSelect = {
  id: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

/**
 * Secret preview addresses of a post (`/preview/<token>`): 256 random bits, of which only the
 * SHA-256 is stored, like session tokens. Revoking deletes the row, so the address is a 404.
 */
@Injectable()
export class PreviewLinksService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async list(postId: number, actor: Viewer): Promise<PreviewLinkView[]> {
    await this.assertMayShare(postId, actor);
    const links = await this.prisma.previewLink.findMany({
      where: { postId },
      orderBy: { id: 'desc' },
      select: linkSelect,
    });
    return links.map(toView);
  }

  async create(postId: number, actor: Viewer): Promise<CreatedPreviewLink> {
    await this.assertMayShare(postId, actor);
    const token = newRandomToken();
    const link = await this.prisma.previewLink.create({
      data: { postId, tokenHash: hashSessionToken(token), createdById: actor.id },
      select: linkSelect,
    });
    return { ...toView(link), token };
  }

  async revoke(postId: number, linkId: number, actor: Viewer): Promise<void> {
    await this.assertMayShare(postId, actor);
    const { count } = await this.prisma.previewLink.deleteMany({ where: { id: linkId, postId } });
    if (count === 0) throw new NotFoundError(`Post ${postId} has no preview link ${linkId}`);
  }

  private async assertMayShare(postId: number, actor: Viewer): Promise<void> {
    const post = await this.prisma.post.findUnique({
      where: { id: postId },
      select: { authorId: true },
    });
    if (!post) throw new NotFoundError(`No post has the id ${postId}`);
    assertMayChange(actor, post.authorId, NOT_YOUR_POST);
  }
}

function toView(link: {
  id: number;
  createdAt: Date;
  createdBy: { id: number; name: string } | null;
}): PreviewLinkView {
  return { id: link.id, createdAt: link.createdAt.toISOString(), createdBy: link.createdBy };
}
