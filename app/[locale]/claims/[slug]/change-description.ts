import type { getFormatter, getTranslations } from 'next-intl/server';
import { revisedClaimFieldLabelKey } from '@/lib/claims/labels';
import type { RevisedClaimField } from '@/lib/claims/revision-diff';

type Translator = Awaited<ReturnType<typeof getTranslations>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * "Summary and claimant changed; 1 quote added." in the interface language:
 * one sentence for an approved change to a published claim.
 */
export function describeClaimChange(
  t: Translator,
  format: Formatter,
  locale: string,
  changed: readonly RevisedClaimField[],
  quotesAdded: number,
): string {
  const fields =
    changed.length > 0
      ? t('labels.claimChange.fieldsChanged', { fields: format.list(changed.map((field) => t(revisedClaimFieldLabelKey(field))), { type: 'conjunction' }) })
      : null;
  const quotes = quotesAdded > 0 ? t('labels.claimChange.quotesAdded', { count: quotesAdded }) : null;
  const parts = (fields && quotes ? t('claimPage.changes.both', { fields, quotes }) : (fields ?? quotes)) ?? t('labels.claimChange.none');
  return t('labels.claimChange.sentence', { parts: `${parts.charAt(0).toLocaleUpperCase(locale)}${parts.slice(1)}` });
}
