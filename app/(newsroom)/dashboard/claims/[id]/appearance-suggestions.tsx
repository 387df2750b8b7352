import 'server-only';
import type { SourceForQuoting } from '@/lib/claims/dashboard-queries';
import type { Actor } from '@/lib/permissions';
import { listSourceQuoteSuggestions } from '@/lib/quote-suggestions/queries';
import { quoteOfPassage, readSuggestedPassage } from '@/lib/quote-suggestions/schema';
import type { AppearancePrefill } from './appearance-form';
import type { UsableSuggestion } from './source-suggestions';

/**
 * What the claim editor's appearance form starts from: the passage a
 * suggestion link carries (?source=&start=&end=&stance=&speaker=), sliced
 * from the selected source's text by its offsets — dropped, with a note,
 * when it is not in that text — and the source's suggested quotes.
 */
export async function appearanceFormSuggestions(
  actor: Actor,
  source: SourceForQuoting | null,
  query: Record<string, string | string[] | undefined>,
  claimantId: string,
): Promise<{ prefill: AppearancePrefill | null; prefillIgnored: boolean; suggestions: { language: string; items: UsableSuggestion[] } | null }> {
  const read = readSuggestedPassage(query);
  let prefill: AppearancePrefill | null = null;
  let prefillIgnored = read.kind === 'malformed';
  if (read.kind === 'passage') {
    const { passage } = read;
    const anchor = source && source.id === passage.source ? quoteOfPassage(source.text, passage) : null;
    if (source && anchor) {
      prefill = { sourceId: source.id, quote: anchor.exact, selectionStart: passage.start, speakerId: passage.speakerId ?? claimantId, stance: passage.stance };
    } else {
      prefillIgnored = true;
    }
  }
  const listed = source ? await listSourceQuoteSuggestions(actor, source.id) : null;
  const suggestions = listed && {
    language: listed.language,
    items: listed.suggestions.map((suggestion) => ({
      id: suggestion.id,
      kind: suggestion.kind,
      quote: suggestion.quote,
      context: suggestion.context,
      stance: suggestion.stance,
      speaker: suggestion.speaker,
      speakerMatch: suggestion.speakerMatch && { id: suggestion.speakerMatch.id, name: suggestion.speakerMatch.name },
      start: suggestion.start,
    })),
  };
  return { prefill, prefillIgnored, suggestions };
}
