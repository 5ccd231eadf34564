import { expect, test } from 'vitest';
import {
  errorThenReady,
  lastTransactionStatus,
  readMessages,
  readStartupPacket,
  statementTimeoutOf,
} from './wire-protocol.js';

function startup(parameters: Record<string, string>): Buffer {
  const body = Buffer.from(
    `${Object.entries(parameters)
      .map(([key, value]) => `${key}\0${value}\0`)
      .join('')}\0`,
  );
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(196_608, 4);
  return Buffer.concat([header, body]);
}

function message(type: string, body = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

test("a client's startup names its statement timeout; what follows stays buffered", () => {
  const bytes = Buffer.concat([
    startup({ user: 'postgres', options: '-c statement_timeout=1500' }),
    message('Q', Buffer.from('SELECT 1\0')),
    message('S').subarray(0, 3),
  ]);
  const read = readStartupPacket(bytes)!;
  expect(read.packet.kind).toBe('startup');
  const parameters = (read.packet as { parameters: Map<string, string> }).parameters;
  expect(statementTimeoutOf(parameters)).toBe(1500);
  expect(statementTimeoutOf(new Map([['user', 'postgres']]))).toBe(0);
  const { messages, rest } = readMessages(read.rest);
  expect(messages.map((m) => m.type)).toEqual(['Q']);
  expect(rest.length).toBe(3);
  expect(readStartupPacket(bytes.subarray(0, 6))).toBeNull();
});

test('the transaction status is read from the last ReadyForQuery of an answer', () => {
  const ready = (status: string) => Buffer.from([0x5a, 0, 0, 0, 5, status.charCodeAt(0)]);
  expect(lastTransactionStatus(Buffer.concat([message('C'), ready('T'), ready('I')]))).toBe('I');
  expect(lastTransactionStatus(message('1'))).toBeNull();
  const answer = errorThenReady('57014', 'canceling statement due to statement timeout', 'E');
  expect(answer.subarray(0, 1).toString()).toBe('E');
  expect(answer.toString()).toContain('57014');
  expect(lastTransactionStatus(answer)).toBe('E');
});
