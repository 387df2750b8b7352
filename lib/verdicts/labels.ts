// Catalogue keys (messages/*.json, namespace "labels") of a verdict's states.
export type VerdictStateLabelValue = 'DRAFT' | 'SUBMITTED' | 'PUBLISHED' | 'SUPERSEDED';
export const verdictStateLabelKey = (state: VerdictStateLabelValue) => `labels.verdictState.${state}` as const;
