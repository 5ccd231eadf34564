import { type Prisma, type PrismaClient } from '@inkwell/prisma';

type Tx = Prisma.TransactionClient;

/**
 * The current slugs of categories that used to be called `oldSlugs`, by old slug; a slug no
 * category ever left is absent. For the public listing: a miss asks this before answering 404.
 */
export async function findCategoryRedirects(
  prisma: Pick<PrismaClient, 'categorySlugRedirect'>,
  oldSlugs: readonly string[],
): Promise<Map<string, string>> {
  const rows = await prisma.categorySlugRedirect.findMany({
    where: { oldSlug: { in: [...oldSlugs] } },
    select: { oldSlug: true, category: { select: { slug: true } } },
  });
  return new Map(rows.map((row) => [row.oldSlug, row.category.slug]));
}

/** `slug` names a category again (created or renamed to it): it no longer redirects. */
export async function claimCategorySlug(tx: Tx, slug: string): Promise<void> {
  await tx.categorySlugRedirect.deleteMany({ where: { oldSlug: slug } });
}

/**
 * The category `oldSlug` went to `categoryId` (renamed, merged or deleted into it), and so do
 * the slugs that redirected to `fromCategoryId`, which a merge deletes.
 */
export async function redirectCategorySlug(
  tx: Tx,
  oldSlug: string,
  categoryId: number,
  fromCategoryId = categoryId,
): Promise<void> {
  if (fromCategoryId !== categoryId) {
    await tx.categorySlugRedirect.updateMany({
      where: { categoryId: fromCategoryId },
      data: { categoryId },
    });
  }
  await tx.categorySlugRedirect.upsert({
    where: { oldSlug },
    create: { oldSlug, categoryId },
    update: { categoryId },
  });
}
