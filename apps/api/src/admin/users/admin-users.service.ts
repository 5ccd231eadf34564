import {
  type AdminUserView,
  type CreateUserInput,
  type UpdateUserInput,
  type WithGeneratedPassword,
} from '@inkwell/contract';
import { Inject, Injectable } from '@nestjs/common';
import { type Prisma, type PrismaClient } from '@inkwell/prisma';
import { createUser, EmailTakenError } from '../../auth/create-user.js';
import { LoginThrottle } from '../../auth/login-throttle.js';
import { type ScryptParameters, scryptParametersForCost } from '../../auth/password-hash.js';
import { type CounterStore } from '../../rate-limit/counter-store.js';
import { RATE_LIMIT_STORE } from '../../rate-limit/tokens.js';
import { generatePassword, setPassword } from '../../auth/set-password.js';
import { NotFoundError } from '../../common/not-found.js';
import { ValidationError } from '../../common/validation.js';
import { type Config } from '../../config/config.js';
import { CONFIG, PRISMA } from '../../core/tokens.js';
import { Outbox } from '../../events/outbox.js';
import { ConflictError } from '../../common/conflict.js';
import { type Viewer } from '../../auth/ownership.js';
import { isUniqueViolation } from '../../common/prisma-errors.js';
import { assertAnotherActiveAdmin, assertNotYourself } from './last-admin.js';

type Tx = Prisma.TransactionClient;

const userSelect = {
  id: true,
  email: true,
  name: true,
  slug: true,
  role: true,
  disabledAt: true,
  lastSignInAt: true,
  createdAt: true,
  _count: { select: { posts: true } },
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function emailTaken(): ConflictError {
  return new ConflictError('email already has an account', {
    fields: { email: 'already has an account' },
  });
}

/** User management for admins: add, change, disable, reset, unlock and delete accounts. */
@Injectable()
export class AdminUsersService {
  private readonly throttle: LoginThrottle;
  private readonly scrypt: ScryptParameters;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(RATE_LIMIT_STORE) store: CounterStore,
    @Inject(CONFIG) config: Config,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {
    this.throttle = new LoginThrottle(store);
    this.scrypt = scryptParametersForCost(config.passwordHashCost);
  }

  async list(): Promise<AdminUserView[]> {
    const rows = await this.prisma.user.findMany({ orderBy: { id: 'asc' }, select: userSelect });
    return Promise.all(rows.map((row) => this.toView(row)));
  }

  async get(id: number): Promise<AdminUserView> {
    return this.toView(await this.find(this.prisma, id));
  }

  async create(input: CreateUserInput): Promise<AdminUserView & WithGeneratedPassword> {
    const password = input.password ?? generatePassword();
    const generatedPassword = input.password === undefined ? password : null;
    try {
      const user = await createUser(
        this.prisma,
        {
          email: input.email,
          name: input.name,
          role: input.role,
          password,
        },
        this.scrypt,
      );
      return { ...(await this.get(user.id)), generatedPassword };
    } catch (error) {
      if (error instanceof EmailTakenError || isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /** Rename, change the role, disable or enable; disabling ends every session of the user. */
  async update(id: number, input: UpdateUserInput, actor: Viewer): Promise<AdminUserView> {
    await this.outbox.transaction(async (tx, record) => {
      const before = await this.find(tx, id);
      const demoting = input.role === 'AUTHOR' && before.role === 'ADMIN';
      const disabling = input.disabled === true && before.disabledAt === null;
      if (demoting || disabling) {
        const what = disabling ? 'disable' : 'demote';
        assertNotYourself(actor.id, id, what);
        await assertAnotherActiveAdmin(tx, id, what);
      }
      await tx.user.update({
        where: { id },
        data: {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.role === undefined ? {} : { role: input.role }),
          ...(input.disabled === undefined
            ? {}
            : { disabledAt: input.disabled ? (before.disabledAt ?? new Date()) : null }),
        },
      });
      if (disabling) await tx.session.deleteMany({ where: { userId: id } });
      // The name shows in the bylines of their posts and on their author page.
      if (input.name !== undefined && input.name !== before.name) {
        await record('author.saved', { userId: id, slug: before.slug, previousSlug: null });
      }
    });
    return this.get(id);
  }

  /** A new password (typed, or generated and answered once); every session of the user ends. */
  async resetPassword(
    id: number,
    password: string | undefined,
  ): Promise<AdminUserView & WithGeneratedPassword> {
    const user = await this.find(this.prisma, id);
    const newPassword = password ?? generatePassword();
    await setPassword(this.prisma, id, newPassword, { scrypt: this.scrypt });
    // The new password should work at once, even right after the failures that led here.
    await this.throttle.unlock(user.email);
    return {
      ...(await this.get(id)),
      generatedPassword: password === undefined ? newPassword : null,
    };
  }

  /** Forgets the account's failed logins from every address: sign-in works again at once. */
  async unlock(id: number): Promise<AdminUserView> {
    const user = await this.find(this.prisma, id);
    await this.throttle.unlock(user.email);
    return this.toView(user);
  }

  /**
   * Refused while the user has posts, unless `reassignTo` names who takes them over (their
   * uploaded images go along). Without posts, their images stay, owned by no one (admins').
   */
  async delete(id: number, reassignTo: number | undefined, actor: Viewer): Promise<void> {
    assertNotYourself(actor.id, id, 'delete');
    if (reassignTo === id) throw new ValidationError({ reassignTo: 'must be another user' });
    await this.outbox.transaction(async (tx, record) => {
      const user = await this.find(tx, id);
      if (user.role === 'ADMIN') await assertAnotherActiveAdmin(tx, id, 'delete');
      const postCount = user._count.posts;
      if (reassignTo === undefined) {
        if (postCount > 0) {
          throw new ConflictError(
            `${user.name} wrote ${postCount} post${postCount === 1 ? '' : 's'}; give reassignTo to hand them to another user`,
            { postCount },
          );
        }
      } else {
        const heir = await tx.user.findUnique({
          where: { id: reassignTo },
          select: { id: true, slug: true },
        });
        if (!heir) throw new ValidationError({ reassignTo: 'is not a user' });
        await tx.post.updateMany({ where: { authorId: id }, data: { authorId: heir.id } });
        await tx.image.updateMany({ where: { uploadedById: id }, data: { uploadedById: heir.id } });
        // The posts' bylines now name the heir; the deleted user's author page is gone.
        if (postCount > 0) {
          await record('author.saved', {
            userId: heir.id,
            slug: heir.slug,
            previousSlug: user.slug,
          });
        }
      }
      await tx.user.delete({ where: { id } });
    });
  }

  private async find(client: Tx | PrismaClient, id: number): Promise<UserRow> {
    const row = await client.user.findUnique({ where: { id }, select: userSelect });
    if (!row) throw new NotFoundError(`No user has the id ${id}`);
    return row;
  }

  private async toView(row: UserRow): Promise<AdminUserView> {
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      status: row.disabledAt ? 'disabled' : 'active',
      locked: await this.throttle.isDelayed(row.email),
      lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      postCount: row._count.posts,
    };
  }
}
