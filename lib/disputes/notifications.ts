import { createTranslator } from 'next-intl';
import en from '../../messages/en.json' with { type: 'json' };
import fr from '../../messages/fr.json' with { type: 'json' };
import { localizedPath } from '../i18n/locales';
import { sendMail } from '../mail/send';
import type { DisputeStatusValue } from './schema';

// What the reader is emailed, in the language they wrote in, when they gave
// an address: once when their request is received (with their follow-up
// link: the only time the token is known), once when it is decided.
// Called after the transaction has committed; never throws (lib/mail).

const catalogues = { en, fr } as const;

type ReaderLocale = keyof typeof catalogues;

function translatorFor(locale: string) {
  const readerLocale: ReaderLocale = locale === 'en' ? 'en' : 'fr';
  return createTranslator({ locale: readerLocale, messages: catalogues[readerLocale] });
}

export function followUpPath(token: string, locale: string): string {
  return localizedPath(`/disputes/${token}`, locale === 'en' ? 'en' : 'fr');
}

export async function emailSubmissionReceived(to: string, { locale, claimSummary, followUpUrl }: { locale: string; claimSummary: string; followUpUrl: string }) {
  const t = translatorFor(locale);
  return sendMail({
    to,
    subject: t('disputes.email.received.subject', { claim: claimSummary }),
    text: t('disputes.email.received.body', { claim: claimSummary, link: followUpUrl }),
  });
}

export type DecisionEmail = { locale: string; claimSummary: string; status: DisputeStatusValue; reason: string | null };

export async function emailDecision(to: string, { locale, claimSummary, status, reason }: DecisionEmail) {
  const t = translatorFor(locale);
  const decision = t(`disputes.email.decision.${status}`);
  return sendMail({
    to,
    subject: t('disputes.email.decided.subject', { claim: claimSummary, decision }),
    text: t('disputes.email.decided.body', { claim: claimSummary, decision, reason: reason ?? '—' }),
  });
}
