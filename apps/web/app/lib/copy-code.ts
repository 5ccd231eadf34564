/*
 * Copy buttons on a post's code blocks: added in the browser only (the server's page has none,
 * and without JavaScript nothing would make them work).
 */

const BLOCK_CLASS = 'code-block';
export const COPY_BUTTON_CLASS = 'code-copy';
const COPY_LABEL = 'Copy';

/** Wraps every `<pre>` of `root` not wrapped yet with a Copy button; safe to run again. */
export function addCopyButtons(root: HTMLElement): void {
  for (const pre of root.querySelectorAll('pre')) {
    if (pre.parentElement?.classList.contains(BLOCK_CLASS)) continue;
    const block = root.ownerDocument.createElement('div');
    block.className = BLOCK_CLASS;
    const button = root.ownerDocument.createElement('button');
    button.type = 'button';
    button.className = COPY_BUTTON_CLASS;
    button.textContent = COPY_LABEL;
    pre.replaceWith(block);
    block.append(pre, button);
  }
}

/** The code of the block a copy button belongs to, as the reader sees it. */
export function codeOfButton(button: Element): string | null {
  const pre = button.closest(`.${BLOCK_CLASS}`)?.querySelector('pre');
  return pre ? (pre.textContent ?? '') : null;
}

/**
 * Puts text on the clipboard: the Clipboard API where the page may use it, else the older
 * selection-and-copy command. Resolves whether it worked.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    try {
      return doc.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
