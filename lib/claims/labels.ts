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
