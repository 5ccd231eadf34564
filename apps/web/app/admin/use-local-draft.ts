import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import {
  DRAFT_FIELDS,
  type DraftText,
  draftKey,
  type LocalDraft,
  readDraft,
  readDraftFields,
  removeDraft,
  sameText,
  writeDraft,
} from './local-draft.js';

/** Typing pauses this long before the text is written to localStorage. */
const DRAFT_DELAY_MS = 500;

export interface LocalDraftOffer {
  /** A kept text that differs from the one on screen, until the author restores or discards it. */
  offer: LocalDraft | null;
  restore(): void;
  discard(): void;
}

/** localStorage, or null where the browser refuses it (privacy settings, sandboxed frames). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Sets a field as typing would, so React's onChange (the live preview) sees it too. */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = Object.getPrototypeOf(field) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Keeps the editor form's title, summary and body in localStorage as the author types (per post,
 * or "new"), and writes it at once when the form is submitted. On opening, a kept text equal to
 * the one on screen was saved (the submit wrote it just before the save), so it is dropped; one
 * that differs is offered back. Until the author answers, nothing overwrites it.
 */
export function useLocalDraft(
  form: RefObject<HTMLFormElement | null>,
  postId: number | null,
): LocalDraftOffer {
  const key = draftKey(postId);
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const offerOpen = useRef(false);

  useEffect(() => {
    const element = form.current;
    const storage = browserStorage();
    if (!element || !storage) return;
    const onScreen = readDraftFields(element);
    const kept = readDraft(storage, key);
    if (kept && sameText(kept, onScreen)) {
      removeDraft(storage, key);
    } else if (kept) {
      offerOpen.current = true;
      setOffer(kept);
    }
    // A new post's text, now saved under its id: the new-post page starts empty again.
    if (postId !== null) {
      const newPost = readDraft(storage, draftKey(null));
      if (newPost && sameText(newPost, onScreen)) removeDraft(storage, draftKey(null));
    }

    let timer: ReturnType<typeof setTimeout> | undefined;
    const keep = () => {
      clearTimeout(timer);
      if (!offerOpen.current) writeDraft(storage, key, readDraftFields(element), Date.now());
    };
    const onInput = (event: Event) => {
      const name = (event.target as { name?: unknown } | null)?.name;
      if (!DRAFT_FIELDS.includes(name as keyof DraftText)) return;
      clearTimeout(timer);
      timer = setTimeout(keep, DRAFT_DELAY_MS);
    };
    element.addEventListener('input', onInput);
    element.addEventListener('submit', keep);
    return () => {
      clearTimeout(timer);
      element.removeEventListener('input', onInput);
      element.removeEventListener('submit', keep);
    };
  }, [form, key, postId]);

  const restore = useCallback(() => {
    const element = form.current;
    if (!element || !offer) return;
    offerOpen.current = false;
    setOffer(null);
    for (const name of DRAFT_FIELDS) {
      const field = element.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        typeInto(field, offer[name]);
      }
    }
  }, [form, offer]);

  const discard = useCallback(() => {
    const storage = browserStorage();
    if (storage) removeDraft(storage, key);
    offerOpen.current = false;
    setOffer(null);
  }, [key]);

  return { offer, restore, discard };
}
