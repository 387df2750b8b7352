import { message } from '../i18n/message';
import { MutationError, type FieldErrors } from '../mutations/errors';
import { locateQuote, type QuoteAnchor } from '../quotes/anchor';
import { ambiguousQuoteMessage, QUOTE_NOT_IN_SOURCE } from '../quotes/refusals';
import type { EvidenceRowInput, EvidenceStanceKey, QuoteOccurrenceChoices } from './schema';

// Evidence quotes are anchored exactly as appearance quotes are: located in the
// archived source text with locateQuote, refused when absent, and the editor
// chooses when the passage occurs more than once.

/** A refusal that also carries, per evidence row, the occurrences the editor can choose from. */
export class EvidenceQuoteError extends MutationError {
  constructor(
    fieldErrors: FieldErrors,
    readonly occurrences: QuoteOccurrenceChoices,
  ) {
    super('INVALID_STATE', message('errors.evidence.needsAttention'), fieldErrors);
    this.name = 'EvidenceQuoteError';
  }
}

export type AnchoredEvidence = {
  sourceId: string;
  stance: EvidenceStanceKey;
  note: string | null;
  position: number;
  anchor: QuoteAnchor | null;
};

/**
 * Anchors every evidence row in its source's text. `sourceTexts` holds the
 * sources that exist; a row naming another source is refused. Throws one
 * EvidenceQuoteError listing every row that needs attention.
 */
export function anchorEvidence(rows: EvidenceRowInput[], sourceTexts: ReadonlyMap<string, string>): AnchoredEvidence[] {
  const fieldErrors: FieldErrors = {};
  const occurrences: QuoteOccurrenceChoices = {};
  const anchored: AnchoredEvidence[] = [];

  rows.forEach((row, index) => {
    const text = sourceTexts.get(row.sourceId);
    if (text === undefined) {
      fieldErrors[`evidence.${index}.sourceId`] = [message('errors.evidence.sourceGone')];
      return;
    }
    let anchor: QuoteAnchor | null = null;
    if (row.quote) {
      const found = locateQuote(text, row.quote);
      if (found.length === 0) {
        fieldErrors[`evidence.${index}.quote`] = [QUOTE_NOT_IN_SOURCE];
        return;
      }
      if (found.length === 1) {
        anchor = found[0] ?? null;
      } else {
        anchor = row.occurrence === undefined ? null : (found[row.occurrence] ?? null);
        if (!anchor) {
          fieldErrors[`evidence.${index}.quote`] = [ambiguousQuoteMessage(found.length)];
          occurrences[String(index)] = found.map(({ start, prefix, exact, suffix }, occurrence) => ({ index: occurrence, start, prefix, exact, suffix }));
          return;
        }
      }
    }
    anchored.push({ sourceId: row.sourceId, stance: row.stance, note: row.note, position: index, anchor });
  });

  if (Object.keys(fieldErrors).length > 0) throw new EvidenceQuoteError(fieldErrors, occurrences);
  return anchored;
}
