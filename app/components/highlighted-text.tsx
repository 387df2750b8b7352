import { useLocale, useTranslations } from 'next-intl';
import { segmentTextByQuotes, type HighlightRange } from '@/lib/quotes/highlight';
import { highlightSlots, TARGET_SLOTS } from '@/lib/quotes/highlight-slots';

/** A quote to highlight: its code-point range and what its mark's tooltip names (the claim summary). */
export type HighlightedQuote = HighlightRange & { label: string };

/**
 * An archived text with every quote that points into it highlighted — shared
 * by the public source page and the dashboard's. Each highlighted segment is
 * a <mark data-quotes="id1 id2">; overlapping quotes share a darker "overlap"
 * mark. Every quote has a page anchor `quote-<id>`: an empty element just
 * before its first mark.
 *
 * The quote a link points at (#quote-<id>, the :target) is told apart from
 * the others without JavaScript: its anchor shows a label, and CSS outlines
 * and underlines its marks — all of them, when overlaps cut it in pieces.
 * CSS cannot compare ids, so each quote gets a slot number shared by no quote
 * that overlaps it (lib/quotes/highlight-slots.ts); the marks between a
 * slot's targeted anchor and that slot's next anchor are the quote's.
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
  const t = useTranslations('sourcePage.highlight');
  // The anchor's label is interface text inside the source's text.
  const locale = useLocale();
  const segments = segmentTextByQuotes(text, quotes);
  const labelsByQuote = new Map(quotes.map((quote) => [quote.id, quote.label]));
  const slots = highlightSlots(quotes);
  const slotOf = (id: string) => {
    const slot = slots.get(id);
    return slot !== undefined && slot < TARGET_SLOTS ? String(slot) : undefined;
  };
  return (
    <div className="archived-text" lang={language} aria-labelledby={labelledBy}>
      {segments.flatMap((segment, index) => {
        if (segment.quoteIds.length === 0) return [<span key={index}>{segment.text}</span>];
        const labels = [...new Set(segment.quoteIds.map((id) => labelsByQuote.get(id)).filter(Boolean))];
        return [
          ...segment.startingQuoteIds.map((id) => (
            <span key={`anchor-${id}`} id={`quote-${id}`} className="quote-anchor" data-slot={slotOf(id)} data-label={t('followed')} lang={locale} />
          )),
          <mark
            key={index}
            className={segment.quoteIds.length > 1 ? 'overlap' : undefined}
            data-quotes={segment.quoteIds.join(' ')}
            data-slots={segment.quoteIds.map(slotOf).filter(Boolean).join(' ') || undefined}
            title={t('quotedIn', { claims: labels.join(' · ') })}
          >
            {segment.text}
          </mark>,
        ];
      })}
    </div>
  );
}
