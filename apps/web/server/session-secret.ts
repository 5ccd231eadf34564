import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The generated secret's file inside DATA_DIR. */
export const SESSION_SECRET_FILE = 'site-session-secret';

/**
 * The key that signs the site's admin session cookie: SESSION_SECRET, or one generated at the
 * first start and kept in DATA_DIR, so a restart (or another site process on the same data
 * directory) keeps the sessions signed in.
 */
export async function loadSessionSecret({
  sessionSecret,
  dataDir,
}: {
  sessionSecret: string | undefined;
  dataDir: string;
}): Promise<string> {
  if (sessionSecret !== undefined) return sessionSecret;
  const file = path.join(dataDir, SESSION_SECRET_FILE);
  const kept = await readSecret(file);
  if (kept !== undefined) return kept;
  await mkdir(dataDir, { recursive: true });
  // Written whole under a name of its own, then linked in place: a site starting beside this
  // one reads either no file or a complete one, and the first link wins.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, randomBytes(32).toString('base64url'), { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  const secret = await readSecret(file);
  if (secret === undefined) throw new Error(`${file} vanished while the site started`);
  return secret;
}

async function readSecret(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < 32) {
    throw new Error(
      `${file} holds no usable secret: delete it to generate one, or set SESSION_SECRET`,
    );
  }
  return secret;
}
