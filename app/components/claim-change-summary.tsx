import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { revisedClaimFieldLabelKey, type revisedClaimFieldLabel } from '@/lib/claims/labels';

type RevisedField = keyof typeof revisedClaimFieldLabel;

/**
 * "Summary and claimant changed; 1 quote added." in the interface's language:
 * one sentence for what a claim revision changes (describeClaimChange's words,
 * from the catalogue's labels.claimChange and labels.revisedClaimField).
 */
export async function ClaimChangeSummary({ changed, quotesAdded }: { changed: readonly RevisedField[]; quotesAdded: number }) {
  const labels = await getTranslations();
  const t = await getTranslations('labels.claimChange');
  const format = await getFormatter();
  const parts: string[] = [];
  if (changed.length > 0) {
    const fields = format.list(
      changed.map((field) => labels(revisedClaimFieldLabelKey(field))),
      { type: 'conjunction' },
    );
    parts.push(t('fieldsChanged', { fields }));
  }
  if (quotesAdded > 0) parts.push(t('quotesAdded', { count: quotesAdded }));
  const locale = await getLocale();
  // French sets a narrow no-break space before the semicolon.
  const joined = parts.join(locale === 'fr' ? '\u202f; ' : '; ');
  if (joined === '') return <>{t('sentence', { parts: t('none') })}</>;
  return <>{t('sentence', { parts: `${joined.charAt(0).toLocaleUpperCase(locale)}${joined.slice(1)}` })}</>;
}
