import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ClaimMatch } from '@/lib/claim-matching/queries';
import { can, type Actor } from '@/lib/permissions';
import { appearanceFromSuggestionHref, newClaimFromSuggestionHref } from '@/lib/quote-suggestions/links';
import { findLikelyClaimsOfSuggestions, type SourceQuoteSuggestion } from '@/lib/quote-suggestions/queries';
import { SuggestedQuote } from './suggested-quote';

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
  const likely = mayAddAppearance ? await findLikelyClaimsOfSuggestions(actor, suggestions) : new Map<string, ClaimMatch>();
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
