/**
 * The few pieces of the PostgreSQL wire protocol (v3) the embedded database's owner needs: framing
 * of what clients send, and reading the transaction status PGlite reports back.
 */

const PROTOCOL_V3 = 196_608;
const SSL_REQUEST = 80_877_103;
const GSS_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;

export type StartupPacket =
  | { kind: 'startup'; bytes: Buffer; parameters: Map<string, string> }
  | { kind: 'ssl-request' }
  | { kind: 'cancel-request' };

/** The first packet of a connection has no type byte; returns it and the bytes left, or null. */
export function readStartupPacket(buffer: Buffer): { packet: StartupPacket; rest: Buffer } | null {
  if (buffer.length < 8) return null;
  const length = buffer.readInt32BE(0);
  if (buffer.length < length) return null;
  const code = buffer.readInt32BE(4);
  const rest = buffer.subarray(length);
  if (code === SSL_REQUEST || code === GSS_REQUEST)
    return { packet: { kind: 'ssl-request' }, rest };
  if (code === CANCEL_REQUEST) return { packet: { kind: 'cancel-request' }, rest };
  if (code !== PROTOCOL_V3) throw new Error(`Unsupported protocol version ${code}`);
  const bytes = buffer.subarray(0, length);
  const fields = bytes
    .subarray(8, length - 1)
    .toString('utf8')
    .split('\0');
  const parameters = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) parameters.set(fields[i]!, fields[i + 1]!);
  return { packet: { kind: 'startup', bytes: Buffer.from(bytes), parameters }, rest };
}

export interface FrontendMessage {
  type: string;
  bytes: Buffer;
}

/** Splits complete typed messages off the front of `buffer`. */
export function readMessages(buffer: Buffer): { messages: FrontendMessage[]; rest: Buffer } {
  const messages: FrontendMessage[] = [];
  let offset = 0;
  while (buffer.length - offset >= 5) {
    const length = 1 + buffer.readInt32BE(offset + 1);
    if (buffer.length - offset < length) break;
    messages.push({
      type: String.fromCharCode(buffer[offset]!),
      bytes: buffer.subarray(offset, offset + length),
    });
    offset += length;
  }
  return { messages, rest: Buffer.from(buffer.subarray(offset)) };
}

/** Sync and simple Query are the messages the server answers with ReadyForQuery. */
export function endsWithReadyForQuery(messages: FrontendMessage[]): boolean {
  const last = messages.at(-1)?.type;
  return last === 'S' || last === 'Q';
}

/**
 * The transaction status of the last ReadyForQuery in a server response: 'I' idle, 'T' in a
 * transaction, 'E' in a failed transaction; null when the response has none.
 */
export function lastTransactionStatus(response: Uint8Array): string | null {
  let status: string | null = null;
  let offset = 0;
  const view = Buffer.from(response.buffer, response.byteOffset, response.byteLength);
  while (view.length - offset >= 5) {
    const type = view[offset]!;
    const length = 1 + view.readInt32BE(offset + 1);
    if (type === 0x5a /* Z */ && length === 6) status = String.fromCharCode(view[offset + 5]!);
    offset += length;
  }
  return status;
}

/** `-c statement_timeout=5000` in the startup `options`, in milliseconds; 0 when absent. */
export function statementTimeoutOf(parameters: Map<string, string>): number {
  const match = /(?:^|\s)-c\s*statement_timeout=(\d+)(ms)?(?:\s|$)/.exec(
    parameters.get('options') ?? '',
  );
  return match ? Number(match[1]) : 0;
}

/** An ErrorResponse then ReadyForQuery with `status`, as PostgreSQL answers a failed statement. */
export function errorThenReady(code: string, message: string, status: 'I' | 'E'): Buffer {
  const fields = Buffer.concat([
    field('S', 'ERROR'),
    field('V', 'ERROR'),
    field('C', code),
    field('M', message),
    Buffer.from([0]),
  ]);
  const error = Buffer.alloc(5);
  error.write('E', 0);
  error.writeInt32BE(4 + fields.length, 1);
  const ready = Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
  return Buffer.concat([error, fields, ready]);
}

function field(code: string, value: string): Buffer {
  return Buffer.concat([Buffer.from(code), Buffer.from(`${value}\0`, 'utf8')]);
}
