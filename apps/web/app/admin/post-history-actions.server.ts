import { redirect } from '@remix-run/node';
import { ApiError, type ApiClient } from '../api-client.server.js';
import { type DoneKey } from './post-notices.js';
import { readIds, readVersion } from './post-form.js';

/*
 * The editor's history and sharing buttons: discard the pending draft, restore a revision,
 * make or revoke a preview link. Each is its own small form beside the editor's.
 */

export type HistoryIntent =
  'discard-draft' | 'restore' | 'create-preview-link' | 'revoke-preview-link';
const HISTORY_INTENTS: readonly HistoryIntent[] = [
  'discard-draft',
  'restore',
  'create-preview-link',
  'revoke-preview-link',
];

export type HistoryResult =
  | { kind: 'history-error'; message: string }
  /** The new link's address: shown this once, the API keeps only a hash of its token. */
  | { kind: 'preview-link'; url: string };

export function historyIntentOf(form: FormData): HistoryIntent | null {
  return HISTORY_INTENTS.find((name) => name === form.get('intent')) ?? null;
}

const done = (id: number, key: DoneKey) => redirect(`/admin/posts/${id}?done=${key}`);

export async function runHistoryIntent(
  api: ApiClient,
  form: FormData,
  id: number,
  intent: HistoryIntent,
  siteUrl: string,
): Promise<HistoryResult | Response> {
  try {
    switch (intent) {
      case 'discard-draft':
        await api.delete('/api/admin/posts/{id}/draft', { params: { id } });
        return done(id, 'draft-discarded');
      case 'restore': {
        const [revisionId] = readIds(form, 'revisionId');
        const version = readVersion(form);
        if (revisionId === undefined || version === null) {
          return { kind: 'history-error', message: 'Choose a revision to restore.' };
        }
        await api.post('/api/admin/posts/{id}/revisions/{revisionId}/restore', {
          params: { id, revisionId },
          body: { version },
        });
        return done(id, 'restored');
      }
      case 'create-preview-link': {
        const link = await api.post('/api/admin/posts/{id}/preview-links', { params: { id } });
        return { kind: 'preview-link', url: `${siteUrl}/preview/${link.token}` };
      }
      case 'revoke-preview-link': {
        const [linkId] = readIds(form, 'linkId');
        if (linkId === undefined) return { kind: 'history-error', message: 'Choose a link.' };
        await api.delete('/api/admin/posts/{id}/preview-links/{linkId}', {
          params: { id, linkId },
        });
        return done(id, 'link-revoked');
      }
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      return {
        kind: 'history-error',
        message: 'The post was changed since this page loaded: reload it and try again.',
      };
    }
    if (error instanceof ApiError && error.status === 404) {
      return { kind: 'history-error', message: 'That revision or link no longer exists.' };
    }
    throw error;
  }
}
