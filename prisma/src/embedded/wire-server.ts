import { rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { type PGliteThread } from './pglite-thread.js';
import {
  endsWithReadyForQuery,
  errorThenReady,
  lastTransactionStatus,
  readMessages,
  readStartupPacket,
  statementTimeoutOf,
  type FrontendMessage,
} from './wire-protocol.js';

/** PostgreSQL's code and words for a statement cancelled by `statement_timeout`. */
export const QUERY_CANCELED = '57014';
const STATEMENT_TIMEOUT_MESSAGE = 'canceling statement due to statement timeout';

/** A client connection to the owner. */
class Session {
  /** Bytes received and not yet read as messages: `buffer`, then the chunks after it. */
  buffer: Buffer = Buffer.alloc(0);
  chunks: Buffer[] = [];
  received = 0;
  /**
   * How many bytes complete the message at the front of `buffer`, once its header is known: a
   * large statement (a reindex batch is megabytes) arrives in many socket chunks, and joining
   * every one to the bytes before it, then copying the rest again, cost time quadratic in its size.
   */
  awaited = 0;
  started = false;
  /** Whole messages received and not yet run. */
  pending: FrontendMessage[] = [];
  /** The backend's transaction status after this session's last statement ('I', 'T', 'E'). */
  status = 'I';
  /** From the client's startup `options` (-c statement_timeout=...); 0: none. */
  statementTimeoutMs = 0;
  deadline: NodeJS.Timeout | undefined;
  closed = false;

  constructor(readonly socket: Socket) {}
}

/**
 * Serves one PGlite database to many clients over the wire protocol. PGlite is a single backend
 * session, so one client at a time holds it: from its first message until PGlite reports the
 * session idle again (ReadyForQuery 'I' after a Sync or Query). An open transaction, or an
 * extended-protocol exchange before its Sync, therefore never interleaves with another client's
 * statements. The others wait their turn, each with the statement timeout it asked for; a
 * statement running past its timeout is stopped by restarting PGlite's thread, since
 * `statement_timeout` has no timer to fire inside WebAssembly.
 */
export class WireServer {
  private readonly server: Server;
  private readonly sessions = new Set<Session>();
  private waiting: Session[] = [];
  private holder: Session | null = null;
  private executing: Session | null = null;
  private timedOut: Session | null = null;
  private pumping = false;
  /**
   * PGlite's answer to the first client's startup (parameters, ReadyForQuery): every later
   * client gets the same, without waiting for whoever holds the backend.
   */
  private startupReply: Uint8Array | null = null;
  private restarting = false;

  constructor(
    private thread: PGliteThread,
    private readonly restartThread: () => Promise<PGliteThread>,
    /** PGlite could not be restarted or rolled back: nothing more can be served. */
    private readonly onFailure: (error: Error) => void,
  ) {
    this.server = createServer((socket) => this.accept(socket));
  }

  async listen(socketPath: string): Promise<void> {
    // Only the lock holder gets here: a socket file left behind by a crashed owner is stale.
    await rm(socketPath, { force: true });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(socketPath, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const session of this.sessions) session.socket.destroy();
    await closed;
  }

  /** Closes PGlite cleanly, once no client is served any more. */
  async closeDatabase(): Promise<void> {
    await this.thread.close();
  }

  private accept(socket: Socket): void {
    const session = new Session(socket);
    this.sessions.add(session);
    socket.on('data', (chunk: Buffer) => this.receive(session, chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.disconnect(session));
  }

  private receive(session: Session, chunk: Buffer): void {
    if (session.closed) return;
    session.chunks.push(chunk);
    session.received += chunk.length;
    if (session.received < session.awaited) return;
    session.buffer = Buffer.concat([session.buffer, ...session.chunks]);
    session.chunks = [];
    while (!session.started) {
      let startup: ReturnType<typeof readStartupPacket>;
      try {
        startup = readStartupPacket(session.buffer);
      } catch {
        session.socket.destroy(); // not a PostgreSQL client
        return;
      }
      if (!startup) return;
      session.buffer = startup.rest;
      if (startup.packet.kind === 'ssl-request') {
        session.socket.write('N');
      } else if (startup.packet.kind === 'cancel-request') {
        // One backend serves everyone: there is no per-client process to signal.
        session.socket.end();
        return;
      } else {
        session.started = true;
        session.statementTimeoutMs = statementTimeoutOf(startup.packet.parameters);
        if (this.startupReply) session.socket.write(this.startupReply);
        else session.pending.push({ type: 'startup', bytes: startup.packet.bytes });
      }
    }
    const { messages, rest } = readMessages(session.buffer);
    session.buffer = rest;
    session.received = rest.length;
    session.awaited = rest.length >= 5 ? 1 + rest.readInt32BE(1) : 0;
    const terminate = messages.findIndex((message) => message.type === 'X');
    session.pending.push(...(terminate === -1 ? messages : messages.slice(0, terminate)));
    if (terminate !== -1) session.socket.end();
    // `pg` writes Parse, Bind, Describe, Execute and Sync separately: run them together, once the
    // client waits for an answer.
    if (!expectsAnswer(session.pending)) return;
    this.armDeadline(session);
    if (session !== this.holder && !this.waiting.includes(session)) this.waiting.push(session);
    this.schedule();
  }

  private schedule(): void {
    this.pump().catch((error: unknown) => {
      for (const session of this.sessions) session.socket.destroy();
      this.onFailure(error as Error);
    });
  }

  /** Runs pending work, one holder at a time, until nobody can proceed. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        if (!this.holder) this.holder = this.waiting.shift() ?? null;
        const session = this.holder;
        if (!session) return;
        if (!expectsAnswer(session.pending)) {
          if (session.closed) await this.releaseClosed(session);
          else if (session.status !== 'I') return; // its transaction goes on
          this.holder = null;
          continue;
        }
        const batch = session.pending;
        session.pending = [];
        await this.run(session, batch);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async run(session: Session, batch: FrontendMessage[]): Promise<void> {
    this.executing = session;
    try {
      const response = await this.thread.exec(Buffer.concat(batch.map((m) => m.bytes)));
      if (!session.closed) session.socket.write(response);
      const status = lastTransactionStatus(response);
      if (status) session.status = status;
      const isStartup = batch.length === 1 && batch[0]!.type === 'startup';
      if (isStartup && status === 'I') this.startupReply ??= response;
      const answered = isStartup || endsWithReadyForQuery(batch);
      if (answered) {
        clearTimeout(session.deadline);
        session.deadline = undefined;
        if (expectsAnswer(session.pending)) this.armDeadline(session);
      } else {
        session.status = 'busy'; // mid extended-protocol exchange: keep the backend until Sync
      }
      if (session.status === 'I' && !expectsAnswer(session.pending)) this.holder = null;
    } catch (error) {
      // The thread died: either this statement ran past its timeout, or PGlite crashed.
      if (this.timedOut === session) {
        // As PostgreSQL does, the connection stays usable; a transaction it had is gone, so it
        // hears "failed transaction" and its ROLLBACK finds nothing to undo.
        const status = session.status === 'I' || session.status === 'busy' ? 'I' : 'E';
        session.socket.write(errorThenReady(QUERY_CANCELED, STATEMENT_TIMEOUT_MESSAGE, status));
        session.status = 'I';
      } else {
        session.closed = true;
        session.socket.destroy(error as Error);
      }
      this.holder = null;
      this.timedOut = null;
      this.restarting = true;
      try {
        this.thread = await this.restartThread();
        // Read the catalogs once, so the first waiting statement does not pay for a cold start.
        await this.thread.exec(simpleQuery('SELECT count(*) FROM pg_attribute'));
      } finally {
        this.restarting = false;
        // Nobody's statement ran while PGlite restarted: that wait does not count.
        for (const other of this.sessions) {
          clearTimeout(other.deadline);
          other.deadline = undefined;
          if (expectsAnswer(other.pending)) this.armDeadline(other);
        }
      }
    } finally {
      this.executing = null;
    }
  }

  /** A client gone mid-transaction must not leave its transaction open for the next one. */
  private async releaseClosed(session: Session): Promise<void> {
    if (session.status === 'busy') await this.thread.exec(SYNC);
    if (session.status !== 'I') await this.thread.exec(simpleQuery('ROLLBACK'));
  }

  private disconnect(session: Session): void {
    session.closed = true;
    clearTimeout(session.deadline);
    this.sessions.delete(session);
    this.waiting = this.waiting.filter((other) => other !== session);
    session.pending = [];
    if (this.holder === session) this.schedule();
  }

  /** PostgreSQL counts waiting for a lock as part of a statement: waiting here counts too. */
  private armDeadline(session: Session): void {
    if (session.statementTimeoutMs <= 0 || session.deadline) return;
    // Opening a connection is not a statement.
    if (session.pending.every((message) => message.type === 'startup')) return;
    session.deadline = setTimeout(() => this.expire(session), session.statementTimeoutMs);
    session.deadline.unref();
  }

  private expire(session: Session): void {
    session.deadline = undefined;
    if (session.closed) return;
    if (this.restarting) return; // re-armed once PGlite is back
    if (this.executing === session) {
      this.timedOut = session;
      void this.thread.kill();
      return;
    }
    // Still waiting its turn: answer as PostgreSQL does, the backend never saw it.
    const answerable = endsWithReadyForQuery(session.pending);
    session.pending = [];
    this.waiting = this.waiting.filter((other) => other !== session);
    const message = errorThenReady(QUERY_CANCELED, STATEMENT_TIMEOUT_MESSAGE, 'I');
    if (answerable) session.socket.write(message);
    else session.socket.end(message);
  }
}

/** Sync, Query, Flush, CopyDone, CopyFail, or a connection's startup: the client now waits. */
function expectsAnswer(pending: FrontendMessage[]): boolean {
  const last = pending.at(-1)?.type;
  return last !== undefined && ['S', 'Q', 'H', 'c', 'f', 'startup'].includes(last);
}

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

function simpleQuery(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('Q', 0);
  header.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([header, text]);
}
