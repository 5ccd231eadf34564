import { readdir, readFile, writeFile } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope recipients. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  /** Header values by lower-case name, as sent. */
  headers: Map<string, string>;
}

export interface MailServer {
  /** `smtp://127.0.0.1:<port>`: what SMTP_URL points at. */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the first message received (now or later) that `match` accepts. */
  next(match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** While set, every message is refused with this SMTP reply (a server that is down). */
  refuse(message: string | null): void;
  /**
   * While set, every message is kept (delivered) and then answered with this error: the sender
   * cannot tell it from a refusal, as when the server's answer is lost on its way back.
   */
  failAfterKeeping(message: string | null): void;
  close(): Promise<void>;
}

function headerMap(mail: ParsedMail): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of mail.headerLines) {
    const colon = line.line.indexOf(':');
    headers.set(
      line.key,
      line.line
        .slice(colon + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim(),
    );
  }
  return headers;
}

/**
 * An SMTP server in this process (no network beyond loopback) that keeps what it receives, and
 * also writes each message as a JSON file into `saveTo` (for readers in other processes, see
 * `readSavedMail`).
 */
export async function startMailServer(options: { saveTo?: string } = {}): Promise<MailServer> {
  const received: ReceivedMail[] = [];
  const waiting: Array<{
    match: (mail: ReceivedMail) => boolean;
    resolve: (m: ReceivedMail) => void;
  }> = [];
  let refusal: string | null = null;
  let failureAfterKeeping: string | null = null;
  const failure = (message: string) => Object.assign(new Error(message), { responseCode: 451 });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      if (refusal) {
        stream.resume();
        stream.on('end', () => callback(failure(refusal!)));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            headers: headerMap(parsed),
          };
          received.push(mail);
          if (options.saveTo) {
            const file = path.join(
              options.saveTo,
              `${String(received.length).padStart(6, '0')}.json`,
            );
            void writeFile(file, JSON.stringify({ ...mail, headers: [...mail.headers] }));
          }
          for (const waiter of waiting.filter((w) => w.match(mail))) {
            waiting.splice(waiting.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
          callback(failureAfterKeeping ? failure(failureAfterKeeping) : undefined);
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    next(match = () => true, timeoutMs = 10_000) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiting.push(waiter);
        setTimeout(() => {
          if (!waiting.includes(waiter)) return;
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(
            new Error(`No matching email within ${timeoutMs} ms (${received.length} received)`),
          );
        }, timeoutMs).unref();
      });
    },
    refuse(message) {
      refusal = message;
    },
    failAfterKeeping(message) {
      failureAfterKeeping = message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages a mail server started with `saveTo: folder` received so far, oldest first. */
export async function readSavedMail(folder: string): Promise<ReceivedMail[]> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  const mails: ReceivedMail[] = [];
  for (const file of files) {
    try {
      const saved = JSON.parse(await readFile(path.join(folder, file), 'utf8')) as Omit<
        ReceivedMail,
        'headers'
      > & { headers: Array<[string, string]> };
      mails.push({ ...saved, headers: new Map(saved.headers) });
    } catch {
      // Being written right now: read at the next look.
    }
  }
  return mails;
}
