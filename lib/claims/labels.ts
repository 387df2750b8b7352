// The words for the model's enums, in one place so that pages, the dashboard
// and e2e tests use the same words: catalogue keys (messages/*.json,
// namespace "labels") that the interface shows in its own language with
// `t(key)`.

export type ClaimStatusKey = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
export type DashboardClaimSortKey = 'updated' | 'created' | 'claimed';
export type AppearanceStanceKey = 'ASSERTS' | 'REPORTS' | 'DENIES';
export type EvidenceStanceValue = 'SUPPORTS' | 'REFUTES' | 'CONTEXT';
export type ClaimRevisionStateKey = 'PROPOSED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
/** The fields a revision changes (lib/claims/revision-diff.ts revisedClaimFields). */
export type RevisedClaimFieldKey = 'summary' | 'text' | 'claimant' | 'language' | 'claimedAt';

export const claimStatusLabelKey = (status: ClaimStatusKey) => `labels.claimStatus.${status}` as const;
export const claimSortLabelKey = (sort: DashboardClaimSortKey) => `labels.claimSort.${sort}` as const;
export const appearanceStanceLabelKey = (stance: AppearanceStanceKey) => `labels.appearanceStance.${stance}` as const;
export const evidenceStanceLabelKey = (stance: EvidenceStanceValue) => `labels.evidenceStance.${stance}` as const;
export const claimRevisionStateLabelKey = (state: ClaimRevisionStateKey) => `labels.claimRevisionState.${state}` as const;
export const revisedClaimFieldLabelKey = (field: RevisedClaimFieldKey) => `labels.revisedClaimField.${field}` as const;

const relationTypes = ['CONTRADICTS', 'SUPPORTS', 'SAME_AS', 'RELATED'] as const;
export function relationLabelKey(type: string, direction: 'outgoing' | 'incoming') {
  const known = (relationTypes as readonly string[]).includes(type) ? type : 'RELATED';
  return `labels.relation.${known}.${direction}` as const;
}

/** A next-intl translator over the whole catalogue: getTranslations() or useTranslations() without a namespace. */
export type CatalogueTranslator = (key: string, values?: Record<string, string | number>) => string;

/**
 * "Summary and claimant changed; 1 quote added." — one sentence for a
 * revision's changes, in the translator's language.
 */
export function describeClaimChange(t: CatalogueTranslator, changed: readonly RevisedClaimFieldKey[], quotesAdded: number): string;
/** @deprecated The English sentence, for pages not yet translated: pass a translator. */
export function describeClaimChange(changed: readonly RevisedClaimFieldKey[], quotesAdded: number): string;
export function describeClaimChange(
  ...args: [CatalogueTranslator, readonly RevisedClaimFieldKey[], number] | [readonly RevisedClaimFieldKey[], number]
): string {
  return args.length === 3 ? describeWith(...args) : describeInEnglish(...args);
}

function describeWith(t: CatalogueTranslator, changed: readonly RevisedClaimFieldKey[], quotesAdded: number): string {
  const fields = changed.map((field) => t(revisedClaimFieldLabelKey(field)));
  const last = fields.at(-1);
  const list = fields.length > 1 && last !== undefined ? t('labels.claimChange.fieldList', { others: fields.slice(0, -1).join(', '), last }) : last;
  const fieldsPart = list === undefined ? null : t('labels.claimChange.fieldsChanged', { fields: list });
  const quotesPart = quotesAdded > 0 ? t('labels.claimChange.quotesAdded', { count: quotesAdded }) : null;
  const parts =
    fieldsPart && quotesPart
      ? t('labels.claimChange.fieldsAndQuotes', { fields: fieldsPart, quotes: quotesPart })
      : (fieldsPart ?? quotesPart ?? t('labels.claimChange.none'));
  return t('labels.claimChange.sentence', { parts: `${parts.charAt(0).toLocaleUpperCase()}${parts.slice(1)}` });
}

// ---------------------------------------------------------------------------
// The English words, for the pages that do not read the catalogue yet. They
// go once no page imports them.

export const appearanceStanceLabel = {
  ASSERTS: 'asserts it',
  REPORTS: 'reports it',
  DENIES: 'denies it',
} as const;

export const evidenceStanceLabel = {
  SUPPORTS: 'Supports the claim',
  REFUTES: 'Refutes the claim',
  CONTEXT: 'Context',
} as const;

export function relationLabel(type: string, direction: 'outgoing' | 'incoming'): string {
  switch (type) {
    case 'CONTRADICTS':
      return direction === 'outgoing' ? 'Contradicts' : 'Contradicted by';
    case 'SUPPORTS':
      return direction === 'outgoing' ? 'Supports' : 'Supported by';
    case 'SAME_AS':
      return 'Same claim as';
    default:
      return 'Related to';
  }
}

export const claimRevisionStateLabel = {
  PROPOSED: 'Waiting for review',
  APPROVED: 'Approved and published',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
} as const;

/** How readers and the newsroom name the fields a revision changes. */
export const revisedClaimFieldLabel = {
  summary: 'summary',
  text: 'statement',
  claimant: 'claimant',
  language: 'language',
  claimedAt: 'date of the claim',
} as const;

function describeInEnglish(changed: readonly RevisedClaimFieldKey[], quotesAdded: number): string {
  const parts: string[] = [];
  if (changed.length > 0) {
    const names = changed.map((field) => revisedClaimFieldLabel[field]);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    parts.push(`${list} changed`);
  }
  if (quotesAdded > 0) parts.push(`${quotesAdded} ${quotesAdded === 1 ? 'quote' : 'quotes'} added`);
  const sentence = parts.join('; ') || 'no change';
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
