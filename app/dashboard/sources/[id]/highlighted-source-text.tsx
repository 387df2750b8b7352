import { segmentTextByQuotes } from '@/lib/quotes/highlight';
import type { DashboardSourceQuote } from '@/lib/sources/queries';

/**
 * The archived text with every quote that points into it highlighted — the
 * same rendering as the public source page, but drafts included. Each quote
 * gets the page anchor `quote-<id>`; overlapping quotes share a darker mark.
 */
export function HighlightedSourceText({
  text,
  language,
  quotes,
  labelledBy,
}: {
  text: string;
  language: string;
  quotes: DashboardSourceQuote[];
  labelledBy: string;
}) {
  const segments = segmentTextByQuotes(text, quotes);
  const claimsByQuote = new Map(quotes.map((quote) => [quote.id, quote.claim.summary]));
  return (
    <div className="archived-text" lang={language} aria-labelledby={labelledBy}>
      {segments.map((segment, index) => {
        if (segment.quoteIds.length === 0) return <span key={index}>{segment.text}</span>;
        const [anchorId, ...otherAnchors] = segment.startingQuoteIds;
        const claims = [...new Set(segment.quoteIds.map((id) => claimsByQuote.get(id)).filter(Boolean))];
        return (
          <span key={index}>
            {otherAnchors.map((id) => (
              <span key={id} id={`quote-${id}`} />
            ))}
            <mark
              id={anchorId ? `quote-${anchorId}` : undefined}
              className={segment.quoteIds.length > 1 ? 'overlap' : undefined}
              data-quotes={segment.quoteIds.join(' ')}
              title={`Quoted in: ${claims.join(' · ')}`}
            >
              {segment.text}
            </mark>
          </span>
        );
      })}
    </div>
  );
}
