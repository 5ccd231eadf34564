import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { type AccountProfileView, type UpdateProfileInput } from '@inkwell/contract';
import { avatarUrl } from '../../authors/author-view.js';
import { ConflictError } from '../../common/conflict.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { ValidationError } from '../../common/validation.js';
import { PRISMA } from '../../core/tokens.js';
import { Outbox } from '../../events/outbox.js';

const profileSelect = {
  id: true,
  name: true,
  slug: true,
  bio: true,
  avatarImage: { select: { id: true, hash: true } },
} satisfies Prisma.UserSelect;

type ProfileRow = Prisma.UserGetPayload<{ select: typeof profileSelect }>;

function toProfile(row: ProfileRow): AccountProfileView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    bio: row.bio,
    avatar: row.avatarImage
      ? { id: row.avatarImage.id, url: avatarUrl(row.avatarImage.hash) }
      : null,
  };
}

function slugTaken(): ConflictError {
  return new ConflictError('slug is already the address of another author', {
    fields: { slug: 'is already the address of another author' },
  });
}

/**
 * What readers see of the signed-in user: the name on their bylines, their author page's address,
 * bio and avatar. A change records `author.saved`, which drops their page and every byline.
 */
@Injectable()
export class ProfileService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  async get(userId: number): Promise<AccountProfileView> {
    return toProfile(
      await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: profileSelect }),
    );
  }

  async update(userId: number, input: UpdateProfileInput): Promise<AccountProfileView> {
    try {
      await this.outbox.transaction(async (tx, record) => {
        const before = await tx.user.findUniqueOrThrow({
          where: { id: userId },
          select: { slug: true },
        });
        if (input.slug && input.slug !== before.slug) {
          const owner = await tx.user.findUnique({ where: { slug: input.slug } });
          if (owner) throw slugTaken();
        }
        if (input.avatarImageId != null) {
          const image = await tx.image.findUnique({ where: { id: input.avatarImageId } });
          if (!image) throw new ValidationError({ avatarImageId: 'must be an uploaded image' });
        }
        const after = await tx.user.update({
          where: { id: userId },
          data: input,
          select: { slug: true },
        });
        await record('author.saved', {
          userId,
          slug: after.slug,
          previousSlug: before.slug !== after.slug ? before.slug : null,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken();
      throw error;
    }
    return this.get(userId);
  }
}
