import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { type ClaimMatch, findClaimMatches } from '@/lib/claim-matching/queries';
import { can, type Actor } from '@/lib/permissions';
import { appearanceFromSuggestionHref, newClaimFromSuggestionHref } from '@/lib/quote-suggestions/links';
import type { SourceQuoteSuggestion } from '@/lib/quote-suggestions/queries';
import { SuggestedQuote } from './suggested-quote';

// Each suggestion not yet logged asks claim matching once: enough for an article, bounded for a long report.
const MATCHED_SUGGESTIONS = 12;

/**
 * The claim already logged that a suggestion most likely is (similar wording,
 * not just the same speaker), for "Add as an appearance of …".
 */
async function likelyClaims(actor: Actor, sourceId: string, suggestions: SourceQuoteSuggestion[]): Promise<Map<string, ClaimMatch>> {
  const open = suggestions.filter((suggestion) => !suggestion.loggedAs).slice(0, MATCHED_SUGGESTIONS);
  const found = await Promise.all(
    open.map(async (suggestion) => {
      const [best] = await findClaimMatches(
        actor,
        { text: suggestion.quote, summary: '', claimantId: suggestion.speakerMatch?.id ?? '', claimant: '', excludeClaimId: '', passage: { sourceId, start: suggestion.start, end: suggestion.end } },
        1,
      );
      return best && best.reasons.includes('TEXT') ? ([suggestion.id, best] as const) : null;
    }),
  );
  return new Map(found.filter((entry) => entry !== null));
}

/**
 * "Suggested quotes" of a source: the passages that read like reported
 * statements, each opening the new-claim form with the quote located, the
 * speaker and the stance filled in — or saying which claim already quotes it.
 */
export async function SuggestedQuotes({
  actor,
  sourceId,
  language,
  suggestions,
}: {
  actor: Actor;
  sourceId: string;
  language: string;
  suggestions: SourceQuoteSuggestion[];
}) {
  const t = await getTranslations('sourcesDashboard.suggestions');
  const mayCreate = can(actor, 'claim.create');
  const mayAddAppearance = can(actor, 'appearance.create');
  const likely = mayAddAppearance ? await likelyClaims(actor, sourceId, suggestions) : new Map<string, ClaimMatch>();
  return (
    <section aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{t('heading')}</h2>
      <p className="small muted">{t('intro')}</p>
      {suggestions.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ol className="quote-list suggestion-list">
          {suggestions.map((suggestion) => {
            const quoteId = `suggestion-${suggestion.id}`;
            const link = { start: suggestion.start, end: suggestion.end, stance: suggestion.stance, speakerId: suggestion.speakerMatch?.id ?? null, speakerName: suggestion.speaker };
            const match = likely.get(suggestion.id);
            return (
              <li key={suggestion.id}>
                <SuggestedQuote suggestion={suggestion} language={language} quoteId={quoteId} />
                {suggestion.loggedAs && (
                  <p className="small">
                    {t.rich('loggedAs', {
                      summary: suggestion.loggedAs.summary,
                      link: (chunks) => (
                        <Link href={`/dashboard/claims/${encodeURIComponent(suggestion.loggedAs?.claimId ?? '')}`} lang={suggestion.loggedAs?.language}>
                          {chunks}
                        </Link>
                      ),
                    })}
                  </p>
                )}
                {mayCreate && (
                  <p>
                    <Link href={newClaimFromSuggestionHref(sourceId, link)} aria-describedby={quoteId}>
                      {t('create')}
                    </Link>
                  </p>
                )}
                {match && (
                  <p className="small">
                    <Link href={appearanceFromSuggestionHref(match.id, sourceId, link)} aria-describedby={quoteId}>
                      {t.rich('addTo', { summary: () => <span lang={match.language}>{match.summary}</span> })}
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
