import { z } from 'zod';
import { message } from '../i18n/message';
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

const TARGET_REQUIRED = message('validation.relation.targetRequired');

export const addRelationSchema = z.object({
  claimId: idField(message('errors.claim.notFound')),
  target: singleLineText({ max: 500, required: TARGET_REQUIRED, tooLong: TARGET_REQUIRED })
    .transform(claimReferenceFrom)
    // An address may spell a control character as %00: decoded, it is refused like a typed one.
    .pipe(singleLineText({ max: 500, required: TARGET_REQUIRED })),
  type: z.enum(relationTypes, { error: message('validation.relation.typeRequired') }),
  note: optionalText(multiLineText({ max: 1000 })),
});
export type AddRelationInput = z.infer<typeof addRelationSchema>;

export const removeRelationSchema = z.object({
  relationId: idField(message('errors.relation.notFound')),
});
export type RemoveRelationInput = z.infer<typeof removeRelationSchema>;
