import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const webUrl = inject('webUrl');
export const apiUrl = inject('apiUrl');

/** Connects to the browser started once in global-setup.ts. */
export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

/** Reads the API directly, to compare the pages with what they were built from. */
export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Logs in to the admin API and approves every pending comment on a post; returns their ids. */
export async function approvePendingComments(postId: number): Promise<number[]> {
  const login = await fetch(`${apiUrl}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(inject('admin')),
  });
  if (login.status !== 201) throw new Error(`admin login answered ${login.status}`);
  const { token, csrfToken } = (await login.json()) as { token: string; csrfToken: string };
  const auth = { authorization: `Bearer ${token}`, 'x-csrf-token': csrfToken };
  const pending = await fetch(
    `${apiUrl}/api/admin/comments?status=pending&post=${postId}&pageSize=100`,
    {
      headers: auth,
    },
  );
  const { items } = (await pending.json()) as { items: { id: number }[] };
  const ids = items.map((item) => item.id);
  if (ids.length === 0) return ids;
  const approved = await fetch(`${apiUrl}/api/admin/comments/bulk`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'approve', ids }),
  });
  if (!approved.ok) throw new Error(`approving comments answered ${approved.status}`);
  return ids;
}

export interface PostListing {
  items: {
    slug: string;
    title: string;
    commentCount: number;
    categories: { slug: string; name: string }[];
  }[];
  page: number;
  pages: number;
  total: number;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target }) => ({ target })),
    }));
}
