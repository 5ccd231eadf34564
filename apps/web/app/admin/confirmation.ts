import { CSRF_FIELD } from './csrf.js';
import { type ActionNotice } from './refusal.js';

/** Set by the confirmation form: the destructive action was asked about and agreed to. */
export const CONFIRMED_FIELD = 'confirmed';

/** A destructive action held back until the admin agrees: what to ask, what to send again. */
export interface Confirmation {
  question: string;
  /** The button that goes ahead ("Delete the comment and its replies"). */
  confirmLabel: string;
  /** The form as submitted, without its CSRF token (the confirmation form adds a fresh one). */
  fields: [name: string, value: string][];
}

export interface ConfirmableNotice extends ActionNotice {
  confirm?: Confirmation;
}

export function isConfirmed(form: FormData): boolean {
  return form.get(CONFIRMED_FIELD) === 'yes';
}

/** The answer to a destructive action not yet confirmed: no notice, a question instead. */
export function askToConfirm(
  form: FormData,
  question: string,
  confirmLabel: string,
): ConfirmableNotice {
  const fields = [...form.entries()]
    .filter(([name, value]) => name !== CSRF_FIELD && typeof value === 'string')
    .map(([name, value]): [string, string] => [name, String(value)]);
  return { ok: true, message: '', confirm: { question, confirmLabel, fields } };
}
