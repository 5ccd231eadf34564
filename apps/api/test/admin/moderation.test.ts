import { type MailServer, startMailServer } from '@inkwell/test-stack/mail';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CommentGate } from '../../src/moderation/comment-gate.service.js';
import { transferServices } from '../../src/transfer/application-services.js';
import { emptyBundle } from '../../src/transfer/blog-bundle.js';
import { importBlog } from '../../src/transfer/import-blog.js';
import { silentProgress } from '../../src/transfer/progress.js';
import { TooManyRequestsError } from '../../src/rate-limit/rate-limit.errors.js';
import { ValidationError } from '../../src/common/validation.js';
import { engineKinds } from '../test-api.js';
import { type AdminTestApi, startAdminTestApi } from './admin-test-api.js';

const SITE = 'https://blog.example';

describe.each(engineKinds)('categories, moderation, emails and images on %s', (kind) => {
  let api: AdminTestApi;
  /** The API's mail server (SMTP_URL): in this process, on loopback. */
  let mail: MailServer;
  beforeAll(async () => {
    mail = await startMailServer();
    api = await startAdminTestApi(kind, {
      env: {
        SMTP_URL: mail.url,
        SMTP_FROM: 'Blog <blog@blog.example>',
        SITE_URL: SITE,
        OUTBOX_POLL_INTERVAL_MS: '50',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await mail?.close();
  });

  const categoryId = async (slug: string) =>
    (await api.db.prisma.category.findUniqueOrThrow({ where: { slug } })).id;

  describe('categories', () => {
    test('the list counts every post, drafts and scheduled ones included', async () => {
      const res = await api.as(api.author, 'get', '/api/admin/categories').expect(200);
      expect(res.body.map((c: { slug: string }) => c.slug)).toEqual([
        'empty',
        'postgresql',
        'python',
        'rust',
      ]);
      const rust = res.body.find((c: { slug: string }) => c.slug === 'rust');
      expect(rust).toMatchObject({
        name: 'Rust',
        description: 'Systems programming',
        postCount: 22,
      });
    });

    test('create makes a slug from the name; duplicates are 409s naming the field', async () => {
      api.events.length = 0;
      const created = await api
        .as(api.admin, 'post', '/api/admin/categories')
        .send({ name: 'Web Performance' })
        .expect(201);
      expect(created.body).toMatchObject({
        slug: 'web-performance',
        postCount: 0,
        description: '',
      });
      expect(api.events).toEqual([
        {
          type: 'category.saved',
          payload: {
            categoryId: created.body.id,
            slug: 'web-performance',
            previousSlug: null,
            name: 'Web Performance',
          },
        },
      ]);
      const dupName = await api
        .as(api.admin, 'post', '/api/admin/categories')
        .send({ name: 'rust' })
        .expect(409);
      expect(dupName.body.fields).toEqual({ name: 'is already used by another category' });
      const dupSlug = await api
        .as(api.admin, 'post', '/api/admin/categories')
        .send({ name: 'Rusty', slug: 'rust' })
        .expect(409);
      expect(dupSlug.body.fields).toEqual({ slug: 'is already used by another category' });
    });

    test('rename changes name and slug and says what the slug was', async () => {
      const id = (
        await api.as(api.admin, 'post', '/api/admin/categories').send({ name: 'Temp' }).expect(201)
      ).body.id;
      api.events.length = 0;
      const res = await api
        .as(api.admin, 'patch', `/api/admin/categories/${id}`)
        .send({ name: 'Databases', slug: 'databases' })
        .expect(200);
      expect(res.body).toMatchObject({ id, name: 'Databases', slug: 'databases' });
      expect(api.events[0]).toEqual({
        type: 'category.saved',
        payload: { categoryId: id, slug: 'databases', previousSlug: 'temp', name: 'Databases' },
      });
      await api
        .as(api.admin, 'patch', `/api/admin/categories/${id}`)
        .send({ slug: 'python' })
        .expect(409);
      await api
        .as(api.admin, 'patch', '/api/admin/categories/999999')
        .send({ name: 'X' })
        .expect(404);
    });

    test('delete is refused while posts use it, unless reassignTo moves them', async () => {
      const postgresql = await categoryId('postgresql');
      const empty = await categoryId('empty');
      const refused = await api
        .as(api.admin, 'delete', `/api/admin/categories/${postgresql}`)
        .expect(409);
      expect(refused.body).toMatchObject({
        postCount: 20,
        message: 'Category is used by 20 posts; give reassignTo to move them',
      });
      api.events.length = 0;
      await api
        .as(api.admin, 'delete', `/api/admin/categories/${postgresql}?reassignTo=${empty}`)
        .expect(204);
      const saved = api.events.filter((e) => e.type === 'post.saved');
      expect(saved).toHaveLength(20);
      expect(
        saved.find((e) => (e.payload as { slug: string }).slug === 'post-15')?.payload,
      ).toMatchObject({
        categorySlugs: ['empty', 'python'],
        previousCategorySlugs: ['postgresql', 'python'],
        published: true,
        wasPublished: true,
      });
      expect(api.events.at(-1)).toEqual({
        type: 'category.deleted',
        payload: { categoryId: postgresql, slug: 'postgresql', mergedInto: 'empty' },
      });
      const list = await api.as(api.admin, 'get', '/api/admin/categories').expect(200);
      expect(list.body.find((c: { slug: string }) => c.slug === 'empty').postCount).toBe(20);
      const unused = (
        await api
          .as(api.admin, 'post', '/api/admin/categories')
          .send({ name: 'Unused' })
          .expect(201)
      ).body.id;
      await api.as(api.admin, 'delete', `/api/admin/categories/${unused}`).expect(204);
    });

    test('merge moves every post into the target once and deletes the source', async () => {
      const python = await categoryId('python');
      const rust = await categoryId('rust');
      await api
        .as(api.admin, 'post', `/api/admin/categories/${python}/merge`)
        .send({ into: python })
        .expect(400);
      const merged = await api
        .as(api.admin, 'post', `/api/admin/categories/${python}/merge`)
        .send({ into: rust })
        .expect(200);
      // rust had 22 posts; python 20 of its own + 4 shared with others (every 5th), none shared with rust.
      const expected = await api.db.prisma.postCategory.count({ where: { categoryId: rust } });
      expect(merged.body).toMatchObject({ slug: 'rust', postCount: expected });
      expect(expected).toBeGreaterThan(22);
      expect(await api.db.prisma.category.findUnique({ where: { slug: 'python' } })).toBeNull();
      await api.http.get('/api/posts?category=rust&pageSize=50').expect(200);
    });
  });

  describe('moderation queue', () => {
    const addComment = async (slug: string, approved: boolean, body = 'A comment') => {
      const post = await api.db.prisma.post.findUniqueOrThrow({ where: { slug } });
      return api.db.prisma.comment.create({
        data: {
          postId: post.id,
          authorName: 'Reader',
          authorEmail: 'r@example.com',
          body,
          approved,
        },
      });
    };

    test('pending comments come first; filters by status and post', async () => {
      const pending = await addComment('post-10', false, 'Pending **one**');
      const res = await api
        .as(api.admin, 'get', '/api/admin/comments?status=all&pageSize=4')
        .expect(200);
      // The fixture's one pending comment and this one, then the newest approved ones.
      expect(res.body.items.map((c: { approved: boolean }) => c.approved)).toEqual([
        false,
        false,
        true,
        true,
      ]);
      expect(res.body.items[0]).toMatchObject({
        id: pending.id,
        approved: false,
        body: 'Pending **one**',
        html: '<p>Pending <strong>one</strong></p>\n',
        post: { slug: 'post-10', title: 'Post number 10' },
      });
      const pendingOnly = await api.as(api.admin, 'get', '/api/admin/comments').expect(200);
      expect(pendingOnly.body.items.every((c: { approved: boolean }) => !c.approved)).toBe(true);
      const byPost = await api
        .as(api.admin, 'get', `/api/admin/comments?status=approved&post=${pending.postId}`)
        .expect(200);
      expect(byPost.body.total).toBe(0);
      await api.as(api.admin, 'get', '/api/admin/comments?status=spam').expect(400);
    });

    test('approve and delete emit their events', async () => {
      const comment = await addComment('post-11', false);
      api.events.length = 0;
      const approved = await api
        .as(api.admin, 'post', `/api/admin/comments/${comment.id}/approve`)
        .expect(200);
      expect(approved.body.approved).toBe(true);
      expect(api.events).toEqual([
        { type: 'comment.approved', payload: { commentId: comment.id, postId: comment.postId } },
      ]);
      await api.as(api.admin, 'delete', `/api/admin/comments/${comment.id}`).expect(204);
      expect(api.events[1]).toEqual({
        type: 'comment.deleted',
        payload: { commentId: comment.id, postId: comment.postId, wasApproved: true },
      });
      await api.as(api.admin, 'delete', `/api/admin/comments/${comment.id}`).expect(404);
      await api.as(api.admin, 'post', `/api/admin/comments/${comment.id}/approve`).expect(404);
    });

    test('bulk approve and delete report what they did and what was missing', async () => {
      const a = await addComment('post-12', false);
      const b = await addComment('post-12', false);
      const c = await addComment('post-12', false);
      const approve = await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'approve', ids: [a.id, b.id, 999999] })
        .expect(200);
      expect(approve.body).toEqual({
        action: 'approve',
        affected: [a.id, b.id],
        missing: [999999],
      });
      const del = await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'delete', ids: [b.id, c.id] })
        .expect(200);
      expect(del.body.affected).toEqual([b.id, c.id]);
      expect(await api.db.prisma.comment.count({ where: { id: { in: [a.id, b.id, c.id] } } })).toBe(
        1,
      );
      await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'approve', ids: [] })
        .expect(400);
    });

    test('a reply is an approved comment by the signed-in user and approves its parent', async () => {
      const parent = await addComment('post-13', false, 'Question?');
      api.events.length = 0;
      const res = await api
        .as(api.admin, 'post', `/api/admin/comments/${parent.id}/reply`)
        .send({ body: 'Answer.' })
        .expect(201);
      expect(res.body).toMatchObject({
        parentId: parent.id,
        postId: parent.postId,
        authorName: 'admin',
        authorEmail: 'admin@example.com',
        approved: true,
      });
      expect(api.events).toEqual([
        { type: 'comment.approved', payload: { commentId: parent.id, postId: parent.postId } },
        {
          type: 'comment.created',
          payload: { commentId: res.body.id, postId: parent.postId, approved: true },
        },
      ]);
      const page = await api.http.get('/api/posts/post-13').expect(200);
      expect(page.body.comments[0].replies[0].authorName).toBe('admin');
    });
  });

  describe('comment gate and block list', () => {
    const comment = (overrides: Record<string, unknown> = {}) => ({
      authorName: 'Reader',
      authorEmail: 'known@example.com',
      body: 'Good post',
      ipAddress: '203.0.113.77',
      renderedAt: Date.now() - 10_000,
      hasApprovedCommentBefore: true,
      ...overrides,
    });

    test('block list entries are managed by admins and refuse matching comments neutrally', async () => {
      const gate = api.app.get(CommentGate);
      const word = await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'word', value: ' Casino ' })
        .expect(201);
      expect(word.body).toMatchObject({ kind: 'word', value: 'casino' });
      await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'word', value: 'casino' })
        .expect(409);
      await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'ip', value: 'not-an-ip' })
        .expect(400);
      await api
        .as(api.admin, 'post', '/api/admin/blocklist')
        .send({ kind: 'ip', value: '192.0.2.66' })
        .expect(201);
      const list = await api.as(api.admin, 'get', '/api/admin/blocklist').expect(200);
      expect(list.body.map((e: { kind: string; value: string }) => `${e.kind}:${e.value}`)).toEqual(
        ['ip:192.0.2.66', 'word:casino'],
      );

      const blocked = gate.screen(comment({ body: 'Best casino here', ipAddress: '192.0.2.10' }));
      await expect(blocked).rejects.toThrow(ValidationError);
      await expect(blocked).rejects.toThrow('comment could not be accepted');
      await expect(gate.screen(comment({ ipAddress: '::ffff:192.0.2.66' }))).rejects.toThrow(
        ValidationError,
      );
      await api.as(api.admin, 'delete', `/api/admin/blocklist/${word.body.id}`).expect(204);
      expect(
        await gate.screen(comment({ body: 'Best casino here', ipAddress: '192.0.2.10' })),
      ).toEqual({
        action: 'publish',
        reason: 'trusted-commenter',
      });
    });

    test('honeypot discards, a fast form is held, and each IP gets 5 comments per 10 minutes', async () => {
      const gate = api.app.get(CommentGate);
      expect(await gate.screen(comment({ website: 'http://x', ipAddress: '192.0.2.20' }))).toEqual({
        action: 'discard',
        reason: 'honeypot',
      });
      expect(
        await gate.screen(comment({ renderedAt: Date.now() - 500, ipAddress: '192.0.2.20' })),
      ).toEqual({
        action: 'hold',
        reason: 'too-fast',
      });
      for (let i = 0; i < 4; i += 1) await gate.screen(comment({ ipAddress: '192.0.2.20' }));
      const limited = await gate
        .screen(comment({ ipAddress: '192.0.2.20' }))
        .catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(TooManyRequestsError);
      expect((limited as TooManyRequestsError).status).toBe(429);
      expect((limited as TooManyRequestsError).message).toBe(
        'You are commenting too often. Try again in 10 minutes.',
      );
      expect((limited as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(590);
      expect((await gate.screen(comment({ ipAddress: '192.0.2.21' }))).action).toBe('publish');
    });
  });

  describe('comment emails', () => {
    let address = 0;
    /** A reader's comment through the public form (each from its own address, so never limited). */
    const comment = (slug: string, fields: Record<string, unknown>) => {
      address += 1;
      return api.http
        .post(`/api/posts/${slug}/comments`)
        .set('X-Forwarded-For', `203.0.113.${address}`)
        .send({ renderedAt: Date.now() - 60_000, body: 'A thoughtful comment', ...fields });
    };

    test('a held comment emails the post author with the way to the queue, even after a refusal', async () => {
      const post = await api.db.prisma.post.update({
        where: { slug: 'post-30' },
        data: { authorId: api.author.userId },
      });
      mail.refuse('Mailbox temporarily unavailable');
      const held = await comment('post-30', {
        authorName: 'Newcomer',
        authorEmail: 'new@example.com',
        body: 'Is the second **example** right?',
      }).expect(201);
      // The mail server refusing neither fails nor delays the comment.
      expect(held.body.awaitingModeration).toBe(true);
      const status = await api.as(api.admin, 'get', '/api/admin/comments/status').expect(200);
      expect(status.body.mail).toMatchObject({ enabled: true, from: 'Blog <blog@blog.example>' });
      mail.refuse(null);
      const message = await mail.next((m) => m.subject.includes(post.title));
      expect(message.to).toEqual(['author@example.com']);
      expect(message.subject).toBe(`New comment awaiting moderation on "${post.title}"`);
      expect(message.text).toContain('Newcomer commented');
      expect(message.text).toContain('> Is the second **example** right?');
      expect(message.text).toContain(`${SITE}/admin/comments`);
    });

    test('an email sent again after its answer was lost carries the same Message-ID, so mailboxes keep one', async () => {
      const post = await api.db.prisma.post.update({
        where: { slug: 'post-29' },
        data: { authorId: api.author.userId },
      });
      const aboutThisPost = () => mail.received.filter((m) => m.subject.includes(post.title));
      // The server keeps each message and the API hears a failure: it sends the email again.
      mail.failAfterKeeping('Connection lost after the message was kept');
      await comment('post-29', { authorName: 'Twice', authorEmail: 'twice@example.com' }).expect(
        201,
      );
      await expect.poll(() => aboutThisPost().length, { timeout: 15_000 }).toBeGreaterThan(1);
      mail.failAfterKeeping(null);
      const ids = new Set(aboutThisPost().map((m) => m.headers.get('message-id')));
      expect([...ids]).toEqual([
        expect.stringMatching(
          /^<comment-\d+\.\d+\.awaiting-moderation\.[0-9a-f]{16}@blog\.example>$/,
        ),
      ]);

      // Another comment's email is another message.
      await comment('post-29', { authorName: 'Once', authorEmail: 'once@example.com' }).expect(201);
      const other = await mail.next((m) => m.text.includes('Once commented'));
      expect(other.headers.get('message-id')).not.toBe([...ids][0]);
    });

    test('a reply emails the commenter who asked, with a one-click unsubscribe that works', async () => {
      const asked = await comment('post-31', {
        authorName: 'Curious',
        authorEmail: 'Curious@Example.com',
        notifyReplies: true,
      }).expect(201);
      await api.as(api.admin, 'post', `/api/admin/comments/${asked.body.id}/approve`).expect(200);
      const reply = await api
        .as(api.admin, 'post', `/api/admin/comments/${asked.body.id}/reply`)
        .send({ body: 'Good question: yes.' })
        .expect(201);

      const message = await mail.next((m) => m.to.includes('curious@example.com'));
      expect(message.subject).toBe(`admin replied to your comment on "Post number 31"`);
      expect(message.text).toContain('> Good question: yes.');
      expect(message.text).toContain(`${SITE}/posts/post-31#comment-${reply.body.id}`);
      expect(message.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      const link = /^<(.+)>$/.exec(message.headers.get('list-unsubscribe') ?? '')?.[1] ?? '';
      expect(link.startsWith(`${SITE}/unsubscribe?token=`)).toBe(true);
      expect(message.text).toContain(link);
      const token = new URL(link).searchParams.get('token')!;

      // GET only describes; the POST (the page's button or the mail client's one click) stops them.
      const described = await api.http.get('/api/unsubscribe').query({ token }).expect(200);
      expect(described.body).toEqual({ postTitle: 'Post number 31', subscribed: true });
      await api.http.get('/api/unsubscribe').query({ token }).expect(200);
      const done = await api.http.post('/api/unsubscribe').send({ token }).expect(200);
      expect(done.body).toEqual({ postTitle: 'Post number 31', subscribed: false });

      const second = await api
        .as(api.admin, 'post', `/api/admin/comments/${asked.body.id}/reply`)
        .send({ body: 'One more thing.' })
        .expect(201);
      // The reply's own events ran before it answered: no email was even scheduled.
      const due = await api.db.prisma.outboxEvent.findMany({
        where: { type: 'comment.email-due' },
      });
      expect(due.map((row) => row.payload)).not.toContainEqual({
        commentId: second.body.id,
        kind: 'reply',
      });
    });

    test('replies to someone who did not ask, and a forged link, send and change nothing', async () => {
      const quiet = await comment('post-32', {
        authorName: 'Quiet',
        authorEmail: 'quiet@example.com',
      }).expect(201);
      await api.as(api.admin, 'post', `/api/admin/comments/${quiet.body.id}/approve`).expect(200);
      const reply = await api
        .as(api.admin, 'post', `/api/admin/comments/${quiet.body.id}/reply`)
        .send({ body: 'Thanks!' })
        .expect(201);
      const due = await api.db.prisma.outboxEvent.findMany({
        where: { type: 'comment.email-due' },
      });
      expect(due.map((row) => row.payload)).not.toContainEqual({
        commentId: reply.body.id,
        kind: 'reply',
      });

      const forged = `${quiet.body.id}.${'A'.repeat(43)}`;
      const refused = await api.http.post('/api/unsubscribe').send({ token: forged }).expect(400);
      expect(refused.body.fields).toEqual({ token: 'is not a valid unsubscribe link' });
      const missing = await api.http.get('/api/unsubscribe').expect(400);
      expect(Object.keys(missing.body.fields)).toEqual(['token']);
    });

    test('an import of held comments emails nobody', async () => {
      const bundle = emptyBundle('wxr:old-blog.example');
      bundle.posts.push({
        sourceId: '7',
        slug: 'imported-with-comments',
        title: 'Imported with comments',
        summary: '',
        body: 'Old post.',
        externalUrl: null,
        published: true,
        publishedAt: new Date('2019-03-04T10:00:00Z'),
        categories: [],
        authorEmail: 'author@example.com',
        oldPaths: [],
      });
      bundle.comments.push({
        sourceId: '70',
        postSourceId: '7',
        parentSourceId: null,
        authorName: 'Old Reader',
        authorEmail: 'old@example.com',
        body: 'Held since 2019',
        approved: false,
        createdAt: new Date('2019-03-05T10:00:00Z'),
      });
      const report = await importBlog(transferServices(api.app), bundle, {
        format: 'wxr',
        dryRun: false,
        progress: silentProgress,
      });
      expect(report.counts.comments.created).toBe(1);
      const held = await api.db.prisma.comment.findFirstOrThrow({
        where: { body: 'Held since 2019' },
      });
      const due = await api.db.prisma.outboxEvent.findMany({
        where: { type: 'comment.email-due' },
      });
      expect(due.map((row) => row.payload)).not.toContainEqual({
        commentId: held.id,
        kind: 'awaiting-moderation',
      });
    });
  });

  describe('images', () => {
    const png = async (width: number, height: number): Promise<Buffer> => {
      const { default: sharp } = await import('sharp');
      return sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
        .png()
        .toBuffer();
    };

    test('upload stores the original and answers its URLs; the same bytes again answer 200', async () => {
      const bytes = await png(40, 30);
      const res = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', bytes, 'Blue box.png')
        .expect(201);
      expect(res.body).toMatchObject({
        hash: expect.stringMatching(/^[a-f0-9]{64}$/),
        filename: 'Blue box.png',
        mime: 'image/png',
        width: 40,
        height: 30,
        bytes: bytes.length,
      });
      expect(res.body.url).toBe(`/images/${res.body.hash}/1280.webp`);
      expect(res.body.urls['320']).toBe(`/images/${res.body.hash}/320.webp`);
      expect(res.body.markdown).toBe(`![Blue box](/images/${res.body.hash})`);
      const again = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', bytes, 'copy.png')
        .expect(200);
      expect(again.body.id).toBe(res.body.id);
      const list = await api.as(api.author, 'get', '/api/admin/images').expect(200);
      expect(list.body.items.map((i: { id: number }) => i.id)).toContain(res.body.id);
      const { existsSync } = await import('node:fs');
      const { imageDirectories } = await import('@inkwell/assets/thumbnails');
      const original = `${imageDirectories(api.dataDir).originals}/${res.body.hash.slice(0, 2)}/${res.body.hash}`;
      expect(existsSync(original)).toBe(true);
      // Served twice: the original's description is now remembered in memory.
      const thumbnail = `/images/${res.body.hash}/320.webp`;
      await api.http.get(thumbnail).expect(200);
      await api.http.get(thumbnail).expect(200);
      await api.as(api.author, 'delete', `/api/admin/images/${res.body.id}`).expect(204);
      expect(existsSync(original)).toBe(false);
      expect((await api.http.get(thumbnail).expect(404)).headers['cache-control']).toBe(
        'private, no-store',
      );
      await api.as(api.author, 'delete', `/api/admin/images/${res.body.id}`).expect(404);
    });

    test('a file name in UTF-8, as browsers send it, is kept as typed', async () => {
      const res = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', await png(41, 29), 'Résumé 日本.png')
        .expect(201);
      expect(res.body.filename).toBe('Résumé 日本.png');
      expect(res.body.markdown).toBe(`![Résumé 日本](/images/${res.body.hash})`);
    });

    test('bad uploads are 4xx with a clear message and write nothing', async () => {
      const before = await api.db.prisma.image.count();
      const noFile = await api
        .as(api.author, 'post', '/api/admin/images')
        .field('other', 'x')
        .expect(400);
      expect(noFile.body.fields).toEqual({
        file: 'is required (multipart/form-data field "file")',
      });
      const text = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', Buffer.from('not an image at all'), 'notes.png')
        .expect(415);
      expect(text.body.code).toBe('not-an-image');
      const truncated = (await png(64, 64)).subarray(0, 80);
      const corrupt = await api
        .as(api.author, 'post', '/api/admin/images')
        .attach('file', truncated, 't.png');
      expect([415, 422]).toContain(corrupt.status);
      expect(await api.db.prisma.image.count()).toBe(before);
    });
  });

  // Last: once trained, the filter holds comments the earlier tests expect published.
  describe('spam filter learned from moderation', () => {
    const SPAM = (i: number) =>
      `Discount replica watches ${i} at https://replicas${i % 2}.example/shop`;
    const HAM = (i: number) => `The vacuum chapter ${i} cleared up autovacuum thresholds for me`;
    const learner = async (body: string, i: number) => {
      const post = await api.db.prisma.post.findUniqueOrThrow({ where: { slug: 'post-40' } });
      return api.db.prisma.comment.create({
        data: {
          postId: post.id,
          authorName: `Learner ${i}`,
          authorEmail: `learner${i}@example.com`,
          body,
        },
      });
    };
    const status = async () =>
      (await api.as(api.admin, 'get', '/api/admin/comments/status').expect(200)).body.spamFilter;
    const trusted = (body: string, ip: string) => ({
      authorName: 'Known',
      authorEmail: 'known@example.com',
      body,
      ipAddress: ip,
      renderedAt: Date.now() - 10_000,
      hasApprovedCommentBefore: true,
    });

    test('approving teaches ham, deleting as spam teaches spam; it acts only once warm, and explains', async () => {
      const gate = api.app.get(CommentGate);
      // Earlier tests approved a few comments: ham the filter already learned.
      const before = await status();
      expect(before).toMatchObject({ spamSeen: 0, minimumPerClass: 10, active: false });
      const hamSeen = before.hamSeen + 10;
      const ham = await Promise.all(Array.from({ length: 10 }, (_, i) => learner(HAM(i), i)));
      const spam = await Promise.all(
        Array.from({ length: 10 }, (_, i) => learner(SPAM(i), 20 + i)),
      );
      await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'approve', ids: ham.map((c) => c.id) })
        .expect(200);
      const bulk = await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'spam', ids: spam.slice(1).map((c) => c.id) })
        .expect(200);
      expect(bulk.body.affected).toHaveLength(9);
      expect(
        await api.db.prisma.comment.count({ where: { id: { in: spam.map((c) => c.id) } } }),
      ).toBe(1);

      // Cold: 9 spam seen, one short; the spammy comment of a trusted commenter is published.
      expect(await status()).toMatchObject({ spamSeen: 9, hamSeen, active: false });
      const spammy = 'Replica watches at a discount: https://replicas1.example/shop';
      expect((await gate.screen(trusted(spammy, '192.0.2.101'))).action).toBe('publish');

      await api.as(api.admin, 'post', `/api/admin/comments/${spam[0]!.id}/spam`).expect(204);
      await api.as(api.admin, 'post', `/api/admin/comments/${spam[0]!.id}/spam`).expect(404);
      expect(await status()).toMatchObject({ spamSeen: 10, hamSeen, active: true });
      expect(await gate.screen(trusted(spammy, '192.0.2.102'))).toEqual({
        action: 'hold',
        reason: 'likely-spam',
      });
      expect((await gate.screen(trusted(HAM(99), '192.0.2.103'))).action).toBe('publish');

      // Through the form: held, and the queue says why.
      const held = await api.http
        .post('/api/posts/post-41/comments')
        .set('X-Forwarded-For', '192.0.2.104')
        .send({ ...trusted(spammy, ''), authorEmail: 'learner0@example.com' })
        .expect(201);
      expect(held.body.awaitingModeration).toBe(true);
      const queue = await api.as(api.admin, 'get', '/api/admin/comments').expect(200);
      const item = queue.body.items.find((c: { id: number }) => c.id === held.body.id);
      expect(item.spam.active).toBe(true);
      expect(item.spam.score).toBeGreaterThan(0.9);
      expect(item.spam.words.map((w: { word: string }) => w.word)).toEqual(
        expect.arrayContaining(['replica', 'watches', 'link:replicas1.example']),
      );
      expect(item.spam.words.length).toBeLessThanOrEqual(5);

      // Deleting as spam what an approval taught as ham moves it from one side to the other.
      await api.as(api.admin, 'post', `/api/admin/comments/${ham[0]!.id}/spam`).expect(204);
      expect(await status()).toMatchObject({ spamSeen: 11, hamSeen: hamSeen - 1 });
      await api
        .as(api.admin, 'post', '/api/admin/comments/bulk')
        .send({ action: 'discard', ids: [1] })
        .expect(400);
    });
  });
});
