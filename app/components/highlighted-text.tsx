import { segmentTextByQuotes, type HighlightRange } from '@/lib/quotes/highlight';

/** A quote to highlight: its code-point range and what its mark's tooltip names (the claim summary). */
export type HighlightedQuote = HighlightRange & { label: string };

/**
 * An archived text with every quote that points into it highlighted — shared
 * by the public source page and the dashboard's. Each highlighted segment is a
 * <mark data-quotes="id1 id2">; every quote gets the page anchor `quote-<id>`
 * where it starts (the mark itself, or an empty span when several start there);
 * overlapping quotes share a darker "overlap" mark.
 */
export function HighlightedText({
  text,
  language,
  quotes,
  labelledBy,
}: {
  text: string;
  language: string;
  quotes: HighlightedQuote[];
  labelledBy: string;
}) {
  const segments = segmentTextByQuotes(text, quotes);
  const labelsByQuote = new Map(quotes.map((quote) => [quote.id, quote.label]));
  return (
    <div className="archived-text" lang={language} aria-labelledby={labelledBy}>
      {segments.map((segment, index) => {
        if (segment.quoteIds.length === 0) return <span key={index}>{segment.text}</span>;
        const [anchorId, ...otherAnchors] = segment.startingQuoteIds;
        const labels = [...new Set(segment.quoteIds.map((id) => labelsByQuote.get(id)).filter(Boolean))];
        return (
          <span key={index}>
            {otherAnchors.map((id) => (
              <span key={id} id={`quote-${id}`} />
            ))}
            <mark
              id={anchorId ? `quote-${anchorId}` : undefined}
              className={segment.quoteIds.length > 1 ? 'overlap' : undefined}
              data-quotes={segment.quoteIds.join(' ')}
              title={`Quoted in: ${labels.join(' · ')}`}
            >
              {segment.text}
            </mark>
          </span>
        );
      })}
    </div>
  );
}
