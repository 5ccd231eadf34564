import { type ReactNode } from 'react';
import { type PostState } from '@inkwell/contract';
import { useAdminLayout } from './layout-data.js';
import { CSRF_FIELD } from './csrf.js';

/** The session's CSRF token in every admin form; actions forward it as X-CSRF-Token. */
export function CsrfField() {
  const { csrfToken } = useAdminLayout();
  return <input type="hidden" name={CSRF_FIELD} value={csrfToken} />;
}

/** The outcome of the last action, announced to screen readers. */
export function Notice({ kind, children }: { kind: 'success' | 'error'; children: ReactNode }) {
  return (
    <p className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}

const STATE_LABELS: Record<PostState, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
};

export function StateBadge({ state }: { state: PostState }) {
  return <span className={`badge badge--${state}`}>{STATE_LABELS[state]}</span>;
}

/** "12 Mar 2026, 09:00 UTC": admin pages show exact times, in UTC on server and client alike. */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

export function DateTime({ iso }: { iso: string | null }) {
  if (!iso) return <span className="muted">–</span>;
  return <time dateTime={iso}>{dateTime.format(new Date(iso))}</time>;
}
