import { type PrismaClient } from '@inkwell/prisma';
import { publishedWhere } from './published.js';

/**
 * The current slug of the public post that used to be called `oldSlug`, or null. For the public
 * post page: a miss on `GET /api/posts/:slug` asks this before answering 404.
 */
export async function findRedirect(
  prisma: Pick<PrismaClient, 'postSlugRedirect'>,
  oldSlug: string,
): Promise<string | null> {
  const redirect = await prisma.postSlugRedirect.findFirst({
    where: { oldSlug, post: publishedWhere() },
    select: { post: { select: { slug: true } } },
  });
  return redirect?.post.slug ?? null;
}
