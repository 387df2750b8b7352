import nodemailer, { type Transporter } from 'nodemailer';

// Outgoing email. SMTP_URL (smtp://user:password@host:587, smtps://… for
// implicit TLS) turns it on; without it nothing is sent and nothing fails:
// mail is a courtesy to the person written to, never a condition of what
// they did. Plain text only: nothing anyone typed is ever sent as HTML.

export type OutgoingMail = { to: string; subject: string; text: string };

export type MailOutcome = 'sent' | 'not-configured' | 'failed';

export const DEFAULT_MAIL_FROM = 'Attest <attest@localhost>';

let cached: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (cached?.url === url) return cached.transporter;
  // Short timeouts: a reader waits for this after pressing Send.
  const transporter = nodemailer.createTransport(url, { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 });
  cached = { url, transporter };
  return transporter;
}

/**
 * Sends one message; never throws. A failure is logged without the
 * recipient's address (the log is not where personal data should pile up).
 */
export async function sendMail(mail: OutgoingMail, env: Record<string, string | undefined> = process.env): Promise<MailOutcome> {
  const url = env.SMTP_URL?.trim();
  if (!url) return 'not-configured';
  try {
    await transporterFor(url).sendMail({ from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return 'sent';
  } catch (error) {
    console.error(`[mail] could not send “${mail.subject}”: ${error instanceof Error ? error.message : String(error)}`);
    return 'failed';
  }
}
