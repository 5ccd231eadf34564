import { Writable } from 'node:stream';

/**
 * A render's output as one body: React's chunks gathered, then handed over whole when React
 * ends the render. No loader defers data, so a document is complete moments after its shell:
 * sent whole, it is one write to the socket instead of one per React chunk.
 *
 * It never emits `close`: React's `pipe` takes a destination's close for a reader gone before
 * the end and aborts the render, which after a completed render would only build errors nobody
 * reads (an ended stream's `close` follows every render).
 */
export function collectBody(onBody: (body: Uint8Array<ArrayBuffer>) => void): Writable {
  const chunks: Buffer[] = [];
  return new Writable({
    emitClose: false,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
    final(callback) {
      onBody(Buffer.concat(chunks));
      callback();
    },
  });
}
