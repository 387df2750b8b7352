import type { SiteSettings } from '../site/settings';

// Who wrote and who approved a published verdict, as the claim page and the
// read API credit them. The newsroom chooses how (ATTEST_VERDICT_CREDITS):
// people's display names, their initials, or one team name for everyone.
// Only names ever leave the database here, never an email or an id.

export type VerdictCredits =
  | { mode: 'names' | 'initials'; author: string; approver: string | null }
  | { mode: 'team'; team: string };

export type CreditSettings = Pick<SiteSettings, 'verdictCredits' | 'verdictTeam'>;

/** The people behind a verdict, by their display names (the approver is null only for rows written outside the app). */
export function verdictCredits(people: { author: string; approver: string | null }, settings: CreditSettings): VerdictCredits {
  switch (settings.verdictCredits) {
    case 'team':
      return { mode: 'team', team: settings.verdictTeam };
    case 'initials':
      return { mode: 'initials', author: initials(people.author), approver: people.approver === null ? null : initials(people.approver) };
    case 'names':
      return { mode: 'names', author: people.author, approver: people.approver };
  }
}

const LETTER = /\p{L}/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;
/** An elided particle before the name proper: d’Estaing, l’Hermite (not O’Brien, whose O is the name's). */
const ELIDED_PARTICLE = /^\p{Ll}['’]/u;

/**
 * "Camille Durand" → "C. D.", "Jean-Pierre Léaud" → "J.-P. L.",
 * "Charles de Gaulle" → "C. G." (lower-case particles are not initials,
 * unless the whole name is written in lower case), "Valéry Giscard
 * d’Estaing" → "V. G. E.". Punctuation around a word is ignored.
 */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(ELIDED_PARTICLE, ''))
    .filter((word) => LETTER.test(word));
  const capitalised = words.filter((word) => !STARTS_LOWER_CASE.test(word));
  const kept = capitalised.length > 0 ? capitalised : words;
  const result = kept.map((word) =>
    word
      .split(/[-‐]+/)
      .map((part) => part.match(LETTER)?.[0])
      .filter((letter): letter is string => letter !== undefined)
      .map((letter) => `${letter.toLocaleUpperCase()}.`)
      .join('-'),
  );
  // A name without a single letter (digits, symbols) keeps its own spelling rather than becoming empty.
  return result.length > 0 ? result.join(' ') : name.trim();
}
