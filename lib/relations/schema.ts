import { z } from 'zod';

// Links between claims ("contradicts", "supports"…), shown on both claims' pages.

export const relationTypes = ['CONTRADICTS', 'SUPPORTS', 'SAME_AS', 'RELATED'] as const;
export type RelationTypeValue = (typeof relationTypes)[number];

export const relationTypeOptionLabel: Record<RelationTypeValue, string> = {
  CONTRADICTS: 'Contradicts',
  SUPPORTS: 'Supports',
  SAME_AS: 'Same claim as',
  RELATED: 'Related to',
};

/** Types that read the same both ways: A SAME_AS B is B SAME_AS A. */
export const symmetricRelationTypes: ReadonlySet<RelationTypeValue> = new Set(['SAME_AS', 'RELATED']);

/**
 * The other claim as the editor gave it: its slug, its id, or the address of
 * its public or dashboard page ("…/claims/<slug or id>").
 */
export function claimReferenceFrom(value: string): string {
  const trimmed = value.trim();
  const match = /\/claims\/([^/?#\s]+)/.exec(trimmed);
  if (!match?.[1]) return trimmed;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

export const addRelationSchema = z.object({
  claimId: z.string({ error: 'This claim no longer exists.' }).trim().min(1, 'This claim no longer exists.').max(64),
  target: z
    .string({ error: 'Give the related claim’s slug or address.' })
    .trim()
    .min(1, 'Give the related claim’s slug or address.')
    .max(500, 'Give the related claim’s slug or address.')
    .transform(claimReferenceFrom),
  type: z.enum(relationTypes, { error: 'Choose how the claims are related.' }),
  note: z
    .string()
    .trim()
    .max(1000, 'The note must be 1,000 characters or fewer.')
    .optional()
    .transform((value) => (value ? value : null)),
});
export type AddRelationInput = z.infer<typeof addRelationSchema>;

export const removeRelationSchema = z.object({
  relationId: z.string({ error: 'This link no longer exists.' }).trim().min(1, 'This link no longer exists.').max(64),
});
export type RemoveRelationInput = z.infer<typeof removeRelationSchema>;
