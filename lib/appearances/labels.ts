// Catalogue keys (messages/*.json, namespace "labels") of the stances offered in the appearance form.
export type AppearanceStanceLabelValue = 'ASSERTS' | 'REPORTS' | 'DENIES';
export const appearanceStanceOptionLabelKey = (stance: AppearanceStanceLabelValue) => `labels.appearanceStanceOption.${stance}` as const;
