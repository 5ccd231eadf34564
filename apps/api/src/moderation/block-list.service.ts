import { type BlockListEntryView } from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type PrismaClient } from '@inkwell/prisma';
import { NotFoundError } from '../common/not-found.js';
import { PRISMA } from '../core/tokens.js';
import { type BlockListRule } from './moderation-rules.js';
import { ConflictError } from '../common/conflict.js';
import { isUniqueViolation } from '../common/prisma-errors.js';
import { type BlockListEntryInput } from './block-list.schemas.js';

/** The admin-managed list of IP addresses and words refused in public comments. */
@Injectable()
export class BlockListService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async list(): Promise<BlockListEntryView[]> {
    const rows = await this.prisma.blockListEntry.findMany({
      orderBy: [{ kind: 'asc' }, { value: 'asc' }],
    });
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind === 'IP' ? 'ip' : 'word',
      value: row.value,
      createdAt: row.createdAt.toISOString(),
    }));
  }

  /** The rules as `screenComment` reads them. */
  async rules(): Promise<BlockListRule[]> {
    return this.prisma.blockListEntry.findMany({ select: { kind: true, value: true } });
  }

  async add(entry: BlockListEntryInput): Promise<BlockListEntryView> {
    try {
      const row = await this.prisma.blockListEntry.create({ data: entry });
      return {
        id: row.id,
        kind: entry.kind === 'IP' ? 'ip' : 'word',
        value: row.value,
        createdAt: row.createdAt.toISOString(),
      };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('value is already on the block list', {
          fields: { value: 'is already on the block list' },
        });
      }
      throw error;
    }
  }

  async remove(id: number): Promise<void> {
    const { count } = await this.prisma.blockListEntry.deleteMany({ where: { id } });
    if (count === 0) throw new NotFoundError(`No block list entry has the id ${id}`);
  }
}
