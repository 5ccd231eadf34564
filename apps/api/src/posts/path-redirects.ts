import { MAX_REDIRECT_PATH_LENGTH } from '@inkwell/contract';
import { type PrismaClient } from '@inkwell/prisma';
import { publishedWhere } from './published.js';

/**
 * The form an old address is stored and looked up in: path and query of a URL or of a path,
 * without the fragment and without a trailing slash (`/2019/03/04/hello/` and
 * `https://old.example/2019/03/04/hello` are both `/2019/03/04/hello`; `/?p=12` stays as it is).
 * Null for what is no address.
 */
export function normaliseRedirectPath(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim(), 'http://placeholder.invalid');
  } catch {
    return null;
  }
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const path = `${pathname || '/'}${url.search}`;
  return path.length <= MAX_REDIRECT_PATH_LENGTH ? path : null;
}

/** The current slug of the public post that had this address on a former blog, or null. */
export async function findPathRedirect(
  prisma: Pick<PrismaClient, 'pathRedirect'>,
  address: string,
): Promise<string | null> {
  const path = normaliseRedirectPath(address);
  if (!path) return null;
  const redirect = await prisma.pathRedirect.findFirst({
    where: { path, post: publishedWhere() },
    select: { post: { select: { slug: true } } },
  });
  return redirect?.post.slug ?? null;
}
