import { type Blocker, useBlocker, useNavigation } from '@remix-run/react';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** A form's values as one comparable string (files aside: the editor's form has none). */
function formSnapshot(form: HTMLFormElement): string {
  const pairs = [...new FormData(form).entries()].map(([name, value]) => [
    name,
    typeof value === 'string' ? value : '',
  ]);
  return JSON.stringify(pairs);
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
