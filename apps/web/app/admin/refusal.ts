import { ApiError } from '../api-client.server.js';

/** An action's answer: what happened, for the notice above the page. */
export interface ActionNotice {
  ok: boolean;
  message: string;
}

/**
 * The API's refusal as a notice when its status is one the page expects (a taken name, a
 * bad value, a row deleted meanwhile), with each field's problem; anything else is rethrown.
 */
export function refusalNotice(error: unknown, expected: readonly number[]): ActionNotice {
  if (!(error instanceof ApiError) || !expected.includes(error.status)) throw error;
  const details = Object.entries(error.fields).map(([name, problem]) => `${name} ${problem}`);
  return { ok: false, message: [error.message, ...details].join('; ') };
}
