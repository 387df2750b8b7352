import { z } from 'zod';

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

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : null));

export const claimantFieldsSchema = z.object({
  name: z
    .string({ error: 'Enter the claimant’s name.' })
    .trim()
    .min(1, 'Enter the claimant’s name.')
    .max(200, 'The name must be 200 characters or fewer.'),
  kind: z.enum(claimantKinds, { error: 'Choose whether the claimant is a person, an organisation, a government or a media outlet.' }),
  aliases: z
    .string()
    .optional()
    .transform((value) => parseAliases(value ?? ''))
    .pipe(
      z
        .array(z.string().max(200, 'Each alias must be 200 characters or fewer.'))
        .max(MAX_ALIASES, `Give at most ${MAX_ALIASES} aliases.`),
    ),
  country: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.toUpperCase() : null))
    .pipe(
      z
        .string()
        .regex(/^[A-Z]{2}$/, 'The country must be a two-letter ISO 3166-1 code, such as FR, KP or RU.')
        .nullable(),
    ),
  description: optionalText(2000, 'The description must be 2,000 characters or fewer.'),
});

export const createClaimantSchema = claimantFieldsSchema.extend({
  /** "1" when the form is the small "New claimant" form inside the claim editor: answer with the new claimant instead of redirecting. */
  inline: z.string().optional().transform((value) => value === '1'),
});
export type CreateClaimantInput = z.infer<typeof createClaimantSchema>;

export const updateClaimantSchema = claimantFieldsSchema.extend({
  id: z.string().trim().min(1, 'This claimant no longer exists.').max(64),
  version: z.coerce.number({ error: 'Reload the page and try again.' }).int().min(1),
});
export type UpdateClaimantInput = z.infer<typeof updateClaimantSchema>;

export const searchClaimantsSchema = z.object({
  q: z.string().trim().max(200, 'Type at most 200 characters.').optional().default(''),
});

/** What the claimant picker shows for one match. */
export type ClaimantOption = { id: string; name: string; kind: ClaimantKindValue; country: string | null; aliases: string[] };
