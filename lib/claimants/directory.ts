import type { Locale } from '../i18n/locales';
import type { PublicClaimantDirectoryEntry } from './public-queries';

// The claimants' directory (/claimants) in alphabetical order, in pages.
//
// A newsroom has hundreds, at most a few thousand claimants: the whole
// directory is one cached read (lib/claimants/cache.ts), sorted here with the
// reader's language rules (accents and case folded: "Élysée" files under E,
// next to "Elysée", not after Z as the database's C collation would have it).
// Pages are keyset slices: a page starts after the claimant whose slug the
// "Next" link names, never at an offset, so a claimant added meanwhile
// neither repeats nor hides a name; and the cursor does not key a cache entry.

export type ClaimantDirectoryPage = {
  /** The page's claimants grouped by their initial (accents folded, "#" for names not starting with a letter). */
  groups: { initial: string; claimants: PublicClaimantDirectoryEntry[] }[];
  /** The slug of the last claimant on this page, when more follow. */
  nextAfter: string | null;
  /** Whether this page starts after another one. */
  continued: boolean;
};

export function initialOf(name: string, locale: Locale): string {
  const first = name.normalize('NFD').replace(/\p{M}/gu, '').trim().charAt(0).toLocaleUpperCase(locale);
  return /\p{L}/u.test(first) ? first : '#';
}

export function sortClaimantDirectory(entries: readonly PublicClaimantDirectoryEntry[], locale: Locale): PublicClaimantDirectoryEntry[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...entries].sort((a, b) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export function claimantDirectoryPage(
  entries: readonly PublicClaimantDirectoryEntry[],
  { locale, after, limit }: { locale: Locale; after: string | null; limit: number },
): ClaimantDirectoryPage {
  const sorted = sortClaimantDirectory(entries, locale);
  // An unknown cursor (hand-edited) starts from the top rather than showing nothing.
  const start = after === null ? 0 : sorted.findIndex((entry) => entry.slug === after) + 1;
  const page = sorted.slice(start, start + limit);
  const groups: ClaimantDirectoryPage['groups'] = [];
  for (const claimant of page) {
    const initial = initialOf(claimant.name, locale);
    const last = groups.at(-1);
    if (last?.initial === initial) last.claimants.push(claimant);
    else groups.push({ initial, claimants: [claimant] });
  }
  const more = start + limit < sorted.length;
  return { groups, nextAfter: more ? (page.at(-1)?.slug ?? null) : null, continued: start > 0 };
}
