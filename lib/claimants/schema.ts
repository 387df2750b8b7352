import { z } from 'zod';
import { message } from '../i18n/message';
import { idField, intField, multiLineText, optionalText, singleLineText } from '../validation/fields';
import { normaliseHttpUrl } from '../validation/http-url';

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

const MAX_SAME_AS = 20;
const URL_MAX = 2000;

/** One address per line → the lines, trimmed, without blanks. */
export function parseSameAs(value: string): string[] {
  return value.split(/[\r\n]+/).map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * Where else the claimant is identified (a Wikidata item, a Wikipedia page,
 * an official site): ClaimReview's author.sameAs, which tells aggregators
 * exactly who made the claim. Each line must be an http(s) address.
 */
const sameAsField = optionalText(multiLineText({ max: MAX_SAME_AS * (URL_MAX + 2) }))
  .transform((value) => parseSameAs(value ?? ''))
  .pipe(
    z
      .array(
        singleLineText({ max: URL_MAX, tooLong: message('claimants.validation.sameAsTooLong') }).transform((line, ctx) => {
          const url = normaliseHttpUrl(line);
          if (url) return url;
          // Long lines are cut in the message: it sits next to the field.
          const shown = line.length > 80 ? `${line.slice(0, 79)}…` : line;
          ctx.addIssue({ code: 'custom', message: message('claimants.validation.sameAsNotUrl', { value: shown }) });
          return z.NEVER;
        }),
      )
      .max(MAX_SAME_AS, message('claimants.validation.sameAsTooMany', { max: MAX_SAME_AS }))
      // Repeats compared once normalised: "https://WikiData.org/wiki/Q1" is "https://wikidata.org/wiki/Q1".
      .transform((urls) => [...new Set(urls)]),
  );

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
  sameAs: sameAsField,
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
