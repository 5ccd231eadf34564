import { type Blocker, useBlocker, useNavigation } from '@remix-run/react';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** Fields an author changes; hidden ones (the browser's time zone, set after hydration) aren't. */
const UNEDITABLE = new Set(['hidden', 'submit', 'button', 'reset', 'file']);

/** What the author can see and change in a form, as one comparable string. */
function formSnapshot(form: HTMLFormElement): string {
  const values = [...form.elements].flatMap((element) => {
    if (
      !(element instanceof HTMLInputElement) &&
      !(element instanceof HTMLTextAreaElement) &&
      !(element instanceof HTMLSelectElement)
    ) {
      return [];
    }
    if (!element.name || UNEDITABLE.has(element.type)) return [];
    const checkable =
      element instanceof HTMLInputElement && /^(checkbox|radio)$/.test(element.type);
    return [[element.name, checkable ? String(element.checked) : element.value]];
  });
  return JSON.stringify(values);
}

/**
 * Warns before the author leaves a form with changes nobody saved: the browser's own question
 * for a reload, a closed tab or another address (beforeunload), and a blocked in-app navigation
 * the page answers with its own dialog. Submitting the form is never blocked, and the page
 * after a successful save starts clean.
 */
export function useLeaveGuard(form: RefObject<HTMLFormElement | null>): Blocker {
  const [dirty, setDirty] = useState(false);
  const submitting = useRef(false);
  const navigation = useNavigation();

  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const baseline = formSnapshot(element);
    const onEdit = () => setDirty(formSnapshot(element) !== baseline);
    // Runs before Remix's own submit handler (on the root), so its navigation is let through.
    const onSubmit = () => {
      submitting.current = true;
    };
    element.addEventListener('input', onEdit);
    element.addEventListener('change', onEdit);
    element.addEventListener('submit', onSubmit);
    return () => {
      element.removeEventListener('input', onEdit);
      element.removeEventListener('change', onEdit);
      element.removeEventListener('submit', onSubmit);
    };
  }, [form]);

  // A refused save comes back to the same page, its text still unsaved.
  useEffect(() => {
    if (navigation.state === 'idle') submitting.current = false;
  }, [navigation.state]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (submitting.current) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const shouldBlock = useCallback(() => dirty && !submitting.current, [dirty]);
  return useBlocker(shouldBlock);
}
