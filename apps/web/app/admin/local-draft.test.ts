import { describe, expect, test } from 'vitest';
import { draftKey, readDraft, removeDraft, sameText, writeDraft } from './local-draft.js';

/** A Storage over a Map, as localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

const text = { title: 'Title', summary: 'Summary', body: 'Line one\nLine two' };

describe('the editor text kept in the browser', () => {
  test('one key per post, and one for a new post', () => {
    expect(draftKey(12)).not.toBe(draftKey(13));
    expect(draftKey(null)).toBe('inkwell:post-draft:new');
  });

  test('reads back what was written, with when; removing forgets it', () => {
    const storage = memoryStorage();
    writeDraft(storage, draftKey(1), text, 1_700_000_000_000);
    expect(readDraft(storage, draftKey(1))).toEqual({ ...text, savedAt: 1_700_000_000_000 });
    expect(readDraft(storage, draftKey(2))).toBeNull();
    removeDraft(storage, draftKey(1));
    expect(readDraft(storage, draftKey(1))).toBeNull();
  });

  test('something else under the key is no draft', () => {
    const storage = memoryStorage();
    for (const junk of ['not json', '42', '{"title":1}', '{"title":"a","summary":"b"}']) {
      storage.setItem(draftKey(1), junk);
      expect(readDraft(storage, draftKey(1))).toBeNull();
    }
  });

  test('a full storage does not break the editor', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(() => writeDraft(full, draftKey(1), text, 0)).not.toThrow();
  });

  test('texts that save the same post are the same: trimmed title and summary, LF or CRLF', () => {
    expect(sameText(text, { ...text, title: ' Title ', body: 'Line one\r\nLine two' })).toBe(true);
    expect(sameText(text, { ...text, body: 'Line one\nLine 2' })).toBe(false);
    expect(sameText(text, { ...text, summary: '' })).toBe(false);
  });
});
