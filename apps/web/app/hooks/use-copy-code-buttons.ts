import { type RefObject, useEffect, useState } from 'react';
import { addCopyButtons, codeOfButton, COPY_BUTTON_CLASS, copyText } from '../lib/copy-code.js';

/** How long "Copied" stays on the button and in the status before they are reset. */
const RESET_AFTER_MS = 2500;

/**
 * Gives the code blocks in `container`'s elements matching `bodySelector` (markup React leaves
 * alone: `dangerouslySetInnerHTML`) Copy buttons once the page runs JavaScript, and answers the
 * message a status region should announce ("Copied", or how to copy by hand).
 */
export function useCopyCodeButtons(
  container: RefObject<HTMLElement | null>,
  bodySelector: string,
): string {
  const [status, setStatus] = useState('');

  // After every render: the post's markup is replaced when its data arrives (KeptMarkup).
  useEffect(() => {
    for (const body of container.current?.querySelectorAll<HTMLElement>(bodySelector) ?? []) {
      addCopyButtons(body);
    }
  });

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let reset: ReturnType<typeof setTimeout> | undefined;
    const copyFrom = async (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>(
        `button.${COPY_BUTTON_CLASS}`,
      );
      const code = button ? codeOfButton(button) : null;
      if (!button || code === null) return;
      const copied = await copyText(code);
      button.textContent = copied ? 'Copied' : 'Copy';
      setStatus(copied ? 'Copied' : 'Could not copy: select the code and copy it');
      clearTimeout(reset);
      reset = setTimeout(() => {
        button.textContent = 'Copy';
        setStatus('');
      }, RESET_AFTER_MS);
    };
    const onClick = (event: MouseEvent) => void copyFrom(event);
    root.addEventListener('click', onClick);
    return () => {
      clearTimeout(reset);
      root.removeEventListener('click', onClick);
    };
  }, [container]);

  return status;
}
