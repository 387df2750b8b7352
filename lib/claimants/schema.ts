import { z } from 'zod';
import { message } from '../i18n/message';
import { idField, intField, multiLineText, optionalText, singleLineText } from '../validation/fields';

// Who makes claims: a person, an organisation, a government or a media outlet.
// Shared by the claimant forms and their server actions.

export const claimantKinds = ['PERSON', 'ORGANISATION', 'GOVERNMENT', 'MEDIA'] as const;
export type ClaimantKindValue = (typeof claimantKinds)[number];

export const claimantKindLabel: Record<ClaimantKindValue, string> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  GOVERNMENT: 'Government',
  MEDIA: 'Media',
};

const MAX_ALIASES = 30;

/** "Lavrov, Sergei Lavrov" or one per line → ["Lavrov", "Sergei Lavrov"], without blanks or repeats. */
export function parseAliases(value: string): string[] {
  const seen = new Set<string>();
  const aliases: string[] = [];
  for (const raw of value.split(/[\n\r,]+/)) {
    const alias = raw.replace(/\s+/g, ' ').trim();
    const key = alias.toLocaleLowerCase('fr');
    if (alias === '' || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  return aliases;
}

export const claimantFieldsSchema = z.object({
  name: singleLineText({ max: 200, required: message('validation.claimant.nameRequired') }),
  kind: z.enum(claimantKinds, { error: message('validation.claimant.kindRequired') }),
  aliases: optionalText(multiLineText({ max: 10_000 }))
    .transform((value) => parseAliases(value ?? ''))
    .pipe(
      z
        .array(singleLineText({ max: 200, tooLong: message('validation.claimant.aliasTooLong') }))
        .max(MAX_ALIASES, message('validation.claimant.tooManyAliases', { max: MAX_ALIASES })),
    ),
  country: optionalText(
    singleLineText({ max: 100 })
      .transform((value) => value.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}$/, message('validation.claimant.countryCode'))),
  ),
  description: optionalText(multiLineText({ max: 2000 })),
});

export const createClaimantSchema = claimantFieldsSchema.extend({
  /** "1" when the form is the small "New claimant" form inside the claim editor: answer with the new claimant instead of redirecting. */
  inline: z.string().optional().transform((value) => value === '1'),
});
export type CreateClaimantInput = z.infer<typeof createClaimantSchema>;

export const updateClaimantSchema = claimantFieldsSchema.extend({
  id: idField(message('errors.claimant.notFound')),
  version: intField({ min: 1, message: message('validation.reload') }),
});
export type UpdateClaimantInput = z.infer<typeof updateClaimantSchema>;

export const searchClaimantsSchema = z.object({
  q: optionalText(singleLineText({ max: 200, tooLong: message('validation.claimant.searchTooLong') })).transform((value) => value ?? ''),
});

/** What the claimant picker shows for one match. */
export type ClaimantOption = { id: string; name: string; kind: ClaimantKindValue; country: string | null; aliases: string[] };
