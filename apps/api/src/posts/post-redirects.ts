import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { publishedWhere } from './published.js';

/**
 * The current slug of the public post that used to be called `oldSlug`, or null. For the public
 * post page: a miss on `GET /api/posts/:slug` asks this before answering 404. `visible` narrows
 * to what the asking address shows (static pages ask with `publishedPageWhere()`).
 */
export async function findRedirect(
  prisma: Pick<PrismaClient, 'postSlugRedirect'>,
  oldSlug: string,
  visible: Prisma.PostWhereInput = publishedWhere(),
): Promise<string | null> {
  const redirect = await prisma.postSlugRedirect.findFirst({
    where: { oldSlug, post: visible },
    select: { post: { select: { slug: true } } },
  });
  return redirect?.post.slug ?? null;
}
