import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

/** Asks on the terminal without echoing what is typed. */
async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(question);
    muted = true;
    const password = await answer;
    process.stdout.write('\n');
    return password;
  } finally {
    rl.close();
  }
}

/**
 * A password for the user CLIs: asked twice on a terminal (not echoed), or the first line of
 * stdin when piped (`echo "$PASSWORD" | npm run user:create -- ...`), never a command-line flag
 * (it would stay in the shell history and show in `ps`).
 */
export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const password = await promptHidden('Password: ');
    if ((await promptHidden('Again: ')) !== password) throw new Error('The passwords differ.');
    return password;
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}
