// Reader-facing wording for the model's enums, in one place so that pages,
// the dashboard and e2e tests use the same words.

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

/** "Summary and claimant changed; 1 quote added." — one sentence for a list of changes. */
export function describeClaimChange(changed: readonly (keyof typeof revisedClaimFieldLabel)[], quotesAdded: number): string {
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

// ---------------------------------------------------------------------------
// Catalogue keys of the same words (messages/*.json, namespace "labels"): the
// interface shows them in its own language with `t(key)`. The English maps
// above go once every page reads these.

export type ClaimStatusKey = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
export type DashboardClaimSortKey = 'updated' | 'created' | 'claimed';

export const claimStatusLabelKey = (status: ClaimStatusKey) => `labels.claimStatus.${status}` as const;
export const claimSortLabelKey = (sort: DashboardClaimSortKey) => `labels.claimSort.${sort}` as const;
export const appearanceStanceLabelKey = (stance: keyof typeof appearanceStanceLabel) => `labels.appearanceStance.${stance}` as const;
export const evidenceStanceLabelKey = (stance: keyof typeof evidenceStanceLabel) => `labels.evidenceStance.${stance}` as const;
export const claimRevisionStateLabelKey = (state: keyof typeof claimRevisionStateLabel) => `labels.claimRevisionState.${state}` as const;
export const revisedClaimFieldLabelKey = (field: keyof typeof revisedClaimFieldLabel) => `labels.revisedClaimField.${field}` as const;

const relationTypes = ['CONTRADICTS', 'SUPPORTS', 'SAME_AS', 'RELATED'] as const;
export function relationLabelKey(type: string, direction: 'outgoing' | 'incoming') {
  const known = (relationTypes as readonly string[]).includes(type) ? type : 'RELATED';
  return `labels.relation.${known}.${direction}` as const;
}
