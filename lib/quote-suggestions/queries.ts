import { type ClaimMatch, findClaimMatches } from '../claim-matching/queries';
import { prisma, Prisma } from '../db';
import type { Tx } from '../mutations/transaction';
import { assertCan, type Actor } from '../permissions';
import { sliceCodePoints } from '../quotes/anchor';
import { type QuoteSuggestion, suggestQuotes } from './detect';

// The suggested quotes of an archived source, as the newsroom reads them:
// the engine's passages (detect.ts, pure), each with its speaker matched to
// a claimant and the claim it is already logged as, if any.

export type SpeakerCandidate = { id: string; name: string; similarity: number };

export type SourceQuoteSuggestion = QuoteSuggestion & {
  /** Stable within a source: `${start}-${end}`. */
  id: string;
  /** The best claimant by name or alias, or null: the editor is offered "new claimant". */
  speakerMatch: SpeakerCandidate | null;
  /** A claim with an appearance overlapping the passage. */
  loggedAs: { claimId: string; summary: string; language: string } | null;
  /** The sentence around the quote, split at it, for display. */
  context: { before: string; after: string };
};

/**
 * How close (pg_trgm word similarity, 0–1) the speaker as written must be to
 * a claimant's name or alias to be taken for them. Measured on the seed's
 * claimants (lib/quote-suggestions/queries.test.ts): spelling variants score
 * 0.88–0.90 ("Antony J. Blinken", "Volodymyr Zelenskyy"); other people who
 * share part of a name score 0.75 and below ("Kim Yo Jong" ~ Kim Jong Un,
 * "Sergueï Choïgou" ~ Sergueï Lavrov 0.50). Above the index's own 0.6
 * (pg_trgm.word_similarity_threshold), so `<%` can use the index.
 */
export const SPEAKER_MATCH_THRESHOLD = 0.8;

// "le Kremlin", "l’OTAN", "the Kremlin": the article is not part of the name
// (and costs a third of the similarity on a short one: "le Kremlin" 0.73).
const LEADING_ARTICLE = /^(?:(?:le|la|les|the)\s+|l['’]\s*)/iu;

/** The speaker as the claimants' names are compared with it: one-spaced, without a leading article. */
export function speakerNameForMatching(speaker: string): string {
  return speaker.replace(/\s+/gu, ' ').trim().replace(LEADING_ARTICLE, '').trim();
}

/**
 * The claimant each speaker name most likely is, through the trigram index
 * on attest_claimant_search_names (names and aliases, accents and case
 * folded): one query for all the names of a source. Names with no claimant
 * above SPEAKER_MATCH_THRESHOLD are absent from the map.
 */
export async function matchSpeakersToClaimants(db: Pick<Tx, '$queryRaw'>, speakers: string[]): Promise<Map<string, SpeakerCandidate>> {
  const written = [...new Set(speakers)].filter((speaker) => speakerNameForMatching(speaker) !== '');
  if (written.length === 0) return new Map();
  const rows = await db.$queryRaw<{ written: string; id: string; name: string; similarity: number }[]>(Prisma.sql`
    WITH typed AS (
      SELECT t.written, attest_search_fold(t.cleaned) AS folded
      FROM unnest(${written}::text[], ${written.map(speakerNameForMatching)}::text[]) AS t(written, cleaned)
    )
    SELECT typed.written, best."id", best."name", best.similarity
    FROM typed CROSS JOIN LATERAL (
      SELECT cl."id", cl."name", word_similarity(typed.folded, attest_claimant_search_names(cl."name", cl."aliases"))::float8 AS similarity
      FROM "claimants" cl
      WHERE typed.folded <% attest_claimant_search_names(cl."name", cl."aliases")
      -- Ties (two claimants holding the whole name): the closer main name wins.
      ORDER BY similarity DESC, similarity(typed.folded, attest_search_fold(cl."name")) DESC, cl."name", cl."id"
      LIMIT 1
    ) best
    WHERE best.similarity >= ${SPEAKER_MATCH_THRESHOLD}`);
  return new Map(rows.map((row) => [row.written, { id: row.id, name: row.name, similarity: row.similarity }]));
}

type LoggedQuote = { start: number; end: number; claim: { id: string; summary: string; language: string } };

/** The claim whose appearance overlaps the passage most (a suggestion and an appearance rarely have the same bounds). */
function loggedAs(suggestion: QuoteSuggestion, appearances: LoggedQuote[]): SourceQuoteSuggestion['loggedAs'] {
  let best: { overlap: number; claim: LoggedQuote['claim'] } | null = null;
  for (const appearance of appearances) {
    const overlap = Math.min(appearance.end, suggestion.end) - Math.max(appearance.start, suggestion.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { overlap, claim: appearance.claim };
  }
  return best && { claimId: best.claim.id, summary: best.claim.summary, language: best.claim.language };
}

/** A source's suggested quotes, in text order; null when the source does not exist. */
export async function listSourceQuoteSuggestions(
  actor: Actor,
  sourceId: string,
): Promise<{ sourceId: string; language: string; suggestions: SourceQuoteSuggestion[] } | null> {
  assertCan(actor, 'dashboard.read');
  const source = await prisma.source.findUnique({
    where: { id: sourceId },
    select: {
      id: true,
      text: true,
      language: true,
      appearances: { select: { start: true, end: true, claim: { select: { id: true, summary: true, language: true } } }, orderBy: [{ start: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!source) return null;
  const found = suggestQuotes(source.text, source.language);
  const speakers = await matchSpeakersToClaimants(prisma, found.flatMap((suggestion) => (suggestion.speaker ? [suggestion.speaker] : [])));
  return {
    sourceId: source.id,
    language: source.language,
    suggestions: found.map((suggestion) => ({
      ...suggestion,
      id: `${suggestion.start}-${suggestion.end}`,
      speakerMatch: suggestion.speaker ? (speakers.get(suggestion.speaker) ?? null) : null,
      loggedAs: loggedAs(suggestion, source.appearances),
      context: {
        before: sliceCodePoints(source.text, suggestion.contextStart, suggestion.start),
        after: sliceCodePoints(source.text, suggestion.end, suggestion.contextEnd),
      },
    })),
  };
}

// Each suggestion not yet logged asks claim matching once: enough for an article, bounded for a long report.
const MATCHED_SUGGESTIONS = 12;
// A few at a time: one page view must not hold the whole connection pool (DATABASE_POOL_SIZE, 10 by default).
const MATCHES_AT_ONCE = 3;
// The same claimant alone ranks a claim +0.15: a similar wording just below it must not be missed.
const MATCHES_PER_SUGGESTION = 3;
// Claim matching's score (lib/claim-matching/queries.ts) from which a claim is offered as the one a
// suggestion likely is: a quote worded as a logged claim scores 1.6 (queries.test.ts), one that only
// shares a word with a short claim ("nouvelles") 0.5 — a possible duplicate to list, not a claim to add to.
const LIKELY_CLAIM_SCORE = 0.8;

/**
 * The claim already logged that each suggestion most likely is (similar
 * wording scoring LIKELY_CLAIM_SCORE, not just the same speaker), by suggestion id, for "Add as an
 * appearance of …". Only suggestions not yet logged are asked about, so the
 * same-passage way in of claim matching (which is what "logged" means) is
 * left out.
 */
export async function findLikelyClaimsOfSuggestions(actor: Actor, suggestions: SourceQuoteSuggestion[]): Promise<Map<string, ClaimMatch>> {
  assertCan(actor, 'dashboard.read');
  const open = suggestions.filter((suggestion) => !suggestion.loggedAs).slice(0, MATCHED_SUGGESTIONS);
  const likely = new Map<string, ClaimMatch>();
  for (let at = 0; at < open.length; at += MATCHES_AT_ONCE) {
    const batch = open.slice(at, at + MATCHES_AT_ONCE);
    const found = await Promise.all(
      batch.map((suggestion) =>
        findClaimMatches(actor, { text: suggestion.quote, summary: '', claimantId: suggestion.speakerMatch?.id ?? '', claimant: '', excludeClaimId: '', passage: null }, MATCHES_PER_SUGGESTION),
      ),
    );
    batch.forEach((suggestion, index) => {
      const best = found[index]?.find((match) => match.reasons.includes('TEXT') && match.score >= LIKELY_CLAIM_SCORE);
      if (best) likely.set(suggestion.id, best);
    });
  }
  return likely;
}
