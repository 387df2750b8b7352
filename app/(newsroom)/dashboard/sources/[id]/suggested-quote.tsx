import { useTranslations } from 'next-intl';

/** What the source page and the claim editor's source panel show of one suggested quote. */
export type SuggestedQuoteView = {
  id: string;
  kind: 'DIRECT' | 'INDIRECT';
  quote: string;
  context: { before: string; after: string };
  stance: 'ASSERTS' | 'DENIES';
  speaker: string | null;
  speakerMatch: { id: string; name: string } | null;
};

/**
 * One suggestion: the quote in the source's language, its sentence with the
 * quote marked, the probable speaker (a claimant, or a name to create one
 * from) and, for a denial, a mark saying so. No hooks but the catalogue's:
 * rendered by server pages and client panels alike.
 */
export function SuggestedQuote({ suggestion, language, quoteId }: { suggestion: SuggestedQuoteView; language: string; quoteId: string }) {
  const t = useTranslations('sourcesDashboard.suggestions');
  return (
    <>
      <p className="small muted">
        {suggestion.kind === 'DIRECT' ? t('quoted') : t('reported')}
        {suggestion.stance === 'DENIES' && (
          <>
            {' · '}
            <strong className="suggestion-denial">{t('denial')}</strong>
          </>
        )}
      </p>
      <blockquote id={quoteId} lang={language}>
        {suggestion.quote}
      </blockquote>
      <p className="small">
        {t('context')}{' '}
        <span lang={language}>
          {suggestion.context.before}
          <mark>{suggestion.quote}</mark>
          {suggestion.context.after}
        </span>
      </p>
      <p className="small">
        {suggestion.speakerMatch
          ? t('speaker', { name: suggestion.speakerMatch.name })
          : suggestion.speaker
            ? t('newClaimant', { name: suggestion.speaker })
            : t('noSpeaker')}
      </p>
    </>
  );
}
