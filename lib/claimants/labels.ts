// Catalogue keys (messages/*.json, namespace "labels") of the kinds of claimant.
export type ClaimantKindLabelValue = 'PERSON' | 'ORGANISATION' | 'GOVERNMENT' | 'MEDIA';
export const claimantKindLabelKey = (kind: ClaimantKindLabelValue) => `labels.claimantKind.${kind}` as const;
