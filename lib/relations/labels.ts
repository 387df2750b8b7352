// Catalogue keys (messages/*.json, namespace "labels") of the relation types offered in the editor.
export type RelationTypeLabelValue = 'CONTRADICTS' | 'SUPPORTS' | 'SAME_AS' | 'RELATED';
export const relationTypeLabelKey = (type: RelationTypeLabelValue) => `labels.relationType.${type}` as const;
