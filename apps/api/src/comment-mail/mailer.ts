import { createTransport } from 'nodemailer';
import { type SmtpConfig } from '../config/config.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** `<...@host>`; the same message sent again carries the same one. */
  messageId?: string;
  headers?: Record<string, string>;
}

/** Sends emails, or says why it cannot. */
export interface Mailer {
  /** The sender address; null when no mail server is configured. */
  readonly from: string | null;
  /** Resolves once the server accepted the message; rejects with its refusal. */
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

export const NO_SMTP_PROBLEM =
  'No emails are sent: SMTP_URL is not set where the API runs (see the configuration in the README).';

/** SMTP through nodemailer, or (without SMTP_URL) a mailer that refuses to send. */
export function createMailer(smtp: SmtpConfig | undefined): Mailer {
  if (!smtp) {
    return {
      from: null,
      send: () => Promise.reject(new Error(NO_SMTP_PROBLEM)),
      close: () => {},
    };
  }
  const transport = createTransport(smtp.url);
  return {
    from: smtp.from,
    async send(message) {
      await transport.sendMail({ from: smtp.from, ...message });
    },
    close: () => transport.close(),
  };
}
