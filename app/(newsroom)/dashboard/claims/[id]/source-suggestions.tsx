'use client';

import { useTranslations } from 'next-intl';
import { SuggestedQuote, type SuggestedQuoteView } from '../../sources/[id]/suggested-quote';

export type UsableSuggestion = SuggestedQuoteView & { start: number };

/**
 * The claim editor's source panel: the suggested quotes of the source chosen
 * in the appearance form, each with "Use this quote", which fills the form
 * (quote, selection, speaker, stance) for the editor to check and add.
 */
export function SourceSuggestions({
  suggestions,
  language,
  onUse,
}: {
  suggestions: UsableSuggestion[];
  language: string;
  onUse: (suggestion: UsableSuggestion) => void;
}) {
  const t = useTranslations('claimEditor.suggestions');
  return (
    <section aria-labelledby="source-suggestions-heading">
      <h3 id="source-suggestions-heading">{t('heading')}</h3>
      {suggestions.length === 0 ? (
        <p className="muted small">{t('none')}</p>
      ) : (
        <ol className="quote-list suggestion-list suggestion-panel" aria-labelledby="source-suggestions-heading">
          {suggestions.map((suggestion) => {
            const quoteId = `panel-suggestion-${suggestion.id}`;
            return (
              <li key={suggestion.id}>
                <SuggestedQuote suggestion={suggestion} language={language} quoteId={quoteId} />
                <button type="button" className="secondary" aria-describedby={quoteId} onClick={() => onUse(suggestion)}>
                  {t('use')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
