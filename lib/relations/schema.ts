import { z } from 'zod';
import { idField, multiLineText, optionalText, singleLineText } from '../validation/fields';

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
  claimId: idField('This claim no longer exists.'),
  target: singleLineText({
    label: 'The related claim',
    max: 500,
    required: 'Give the related claim’s slug or address.',
    tooLong: 'Give the related claim’s slug or address.',
  })
    .transform(claimReferenceFrom)
    // An address may spell a control character as %00: decoded, it is refused like a typed one.
    .pipe(singleLineText({ label: 'The related claim', max: 500, required: 'Give the related claim’s slug or address.' })),
  type: z.enum(relationTypes, { error: 'Choose how the claims are related.' }),
  note: optionalText(multiLineText({ label: 'The note', max: 1000 })),
});
export type AddRelationInput = z.infer<typeof addRelationSchema>;

export const removeRelationSchema = z.object({
  relationId: idField('This link no longer exists.'),
});
export type RemoveRelationInput = z.infer<typeof removeRelationSchema>;
