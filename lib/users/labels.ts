// Catalogue keys (messages/*.json, namespace "labels") of the roles.
export type RoleLabelValue = 'EDITOR' | 'MODERATOR' | 'ADMIN';
export const roleLabelKey = (role: RoleLabelValue) => `labels.role.${role}` as const;
