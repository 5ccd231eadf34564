import { createElement } from 'react';
import { renderToPipeableStream } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { collectBody } from './collected-body.server.js';

/** Renders `element` into a collected body; resolves with the body and whether React saw a close. */
async function render(element: ReturnType<typeof createElement>) {
  let closed = false;
  const body = await new Promise<Uint8Array>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const destination = collectBody(resolve);
        destination.on('close', () => (closed = true));
        pipe(destination);
      },
      onShellError: reject,
    });
  });
  // A close follows the end on a later turn of the event loop, if it comes at all.
  await new Promise((resolve) => setImmediate(resolve));
  return { html: Buffer.from(body).toString('utf8'), closed };
}

describe("a render's collected body", () => {
  it('holds the whole render, and is never closed under React as a reader gone early', async () => {
    const paragraphs = Array.from({ length: 500 }, (_, index) =>
      createElement('p', { key: index }, `Paragraph ${index}`),
    );
    const { html, closed } = await render(createElement('main', null, paragraphs));
    expect(html.startsWith('<main><p>Paragraph 0</p>')).toBe(true);
    expect(html.endsWith('<p>Paragraph 499</p></main>')).toBe(true);
    expect(closed).toBe(false);
  });
});
