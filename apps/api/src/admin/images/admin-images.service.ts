import { type AdminImageView } from '@inkwell/contract';
import { rm } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_THUMBNAIL_WIDTHS,
  type OriginalStore,
  type ThumbnailService,
} from '@inkwell/assets/thumbnails';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { NotFoundError } from '../../common/not-found.js';
import { ORIGINALS, PRISMA, THUMBNAILS } from '../../core/tokens.js';
import { thumbnailUrl } from '../../images/image-paths.js';
import { Outbox } from '../../events/outbox.js';
import { loadSnapshots, postSavedEvent } from '../../posts/post-snapshot.js';
import { assertMayChange, mayChange, type Viewer } from '../../auth/ownership.js';
import { type Page, pageOf, pageWindow } from '../common/pagination.js';

export const MAX_UPLOAD_BYTES = 20_000_000;

/** The thumbnail the editor inserts by default; the web app makes a <picture> of any upload. */
const DEFAULT_WIDTH = 1280;

const NOT_YOUR_IMAGE =
  'This image was uploaded by someone else: only they or an admin may delete it';

const imageInclude = {
  uploadedBy: { select: { id: true, name: true } },
} satisfies Prisma.ImageInclude;

type ImageRow = Prisma.ImageGetPayload<{ include: typeof imageInclude }>;

function toView(row: ImageRow, viewer: Viewer): AdminImageView {
  const alt = row.filename.replace(/\.[a-z0-9]+$/i, '').replace(/[[\]]/g, '');
  return {
    id: row.id,
    hash: row.hash,
    filename: row.filename,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    createdAt: row.createdAt.toISOString(),
    url: thumbnailUrl(row.hash, DEFAULT_WIDTH),
    urls: Object.fromEntries(
      DEFAULT_THUMBNAIL_WIDTHS.map((width) => [String(width), thumbnailUrl(row.hash, width)]),
    ),
    markdown: `![${alt}](/images/${row.hash})`,
    uploadedBy: row.uploadedBy,
    canDelete: mayChange(viewer, row.uploadedById),
  };
}

/** Uploads: validated and stored once by content hash (OriginalStore), one Image row each. */
@Injectable()
export class AdminImagesService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(ORIGINALS) private readonly originals: OriginalStore,
    @Inject(THUMBNAILS) private readonly thumbnails: ThumbnailService,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  /** `created` is false when the same bytes were uploaded before (the existing image is answered). */
  async upload(
    bytes: Uint8Array,
    filename: string,
    uploader: Viewer,
  ): Promise<{ image: AdminImageView; created: boolean }> {
    const stored = await this.originals.save(bytes, filename, { maxBytes: MAX_UPLOAD_BYTES });
    const existing = await this.prisma.image.findUnique({
      where: { hash: stored.hash },
      include: imageInclude,
    });
    if (existing) return { image: toView(existing, uploader), created: false };
    const row = await this.prisma.image.upsert({
      where: { hash: stored.hash },
      create: {
        hash: stored.hash,
        filename,
        mime: stored.mime,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
        uploadedById: uploader.id,
      },
      update: {},
      include: imageInclude,
    });
    return { image: toView(row, uploader), created: true };
  }

  async list(
    query: { page: number; pageSize: number },
    viewer: Viewer,
  ): Promise<Page<AdminImageView>> {
    const [total, rows] = await Promise.all([
      this.prisma.image.count(),
      this.prisma.image.findMany({
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        ...pageWindow(query),
        include: imageInclude,
      }),
    ]);
    return pageOf(
      rows.map((row) => toView(row, viewer)),
      total,
      query,
    );
  }

  /**
   * Removes the row, then the original and its description, then its thumbnails and what this
   * process remembers of it: its thumbnail URLs answer 404 at once, here and in every process
   * serving the same data directory (the site's included).
   */
  async delete(id: number, actor: Viewer): Promise<void> {
    const row = await this.prisma.image.findUnique({ where: { id } });
    if (!row) throw new NotFoundError(`No image has the id ${id}`);
    assertMayChange(actor, row.uploadedById, NOT_YOUR_IMAGE);
    await this.outbox.transaction(async (tx, record) => {
      // Posts it was the cover of lose it (the foreign key sets it null): their pages change.
      const covered = await loadSnapshots(tx, { coverImageId: id });
      await tx.image.delete({ where: { id } });
      await record('image.deleted', { imageId: id });
      for (const post of covered) await record('post.saved', postSavedEvent(post, post));
    });
    const original = this.originals.originalPath(row.hash);
    await rm(`${original}.json`, { force: true });
    await rm(original, { force: true });
    await this.thumbnails.forget(row.hash);
  }
}
