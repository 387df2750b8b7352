import slugify from '@sindresorhus/slugify';
import { isUniqueViolation } from '../mutations/unique-violation';

// Slugs are public URLs (/claims/{slug}) and public API identifiers, so they
// are readable French without accents, short, and unique: the first free of
// "base", "base-2", "base-3"… No Prisma here: mutations pass in the slugs
// already taken.

const MAX_SLUG_LENGTH = 80;

/** "Le Kremlin qualifie de « fausses nouvelles »…" → "le-kremlin-qualifie-de-fausses-nouvelles…" */
export function slugBase(text: string, fallback: string): string {
  // decamelize off: "OEuvre" or "McDonald" must not be split into words.
  const slug = slugify(text, { decamelize: false });
  if (slug === '') return fallback;
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut at a word boundary so that the URL does not end in half a word.
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut;
}

/** The first of base, base-2, base-3… that is not in `taken`. */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * Runs `attempt` again when two editors created the same slug at the same
 * moment: the loser's transaction failed on the unique index, and the retry
 * reads the slugs taken now.
 */
export async function retryOnSlugRace<T>(indexName: string, attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts || !isUniqueViolation(error, indexName)) throw error;
    }
  }
}
