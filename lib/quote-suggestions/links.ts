// The links a suggested quote opens (documented in lib/quote-suggestions/schema.ts,
// which reads them back). Pure: used by server pages and client panels alike.

export type SuggestionLinkFields = { start: number; end: number; stance: string; speakerId: string | null; speakerName: string | null };

function passageQuery(sourceId: string, fields: SuggestionLinkFields): URLSearchParams {
  return new URLSearchParams({
    source: sourceId,
    start: String(fields.start),
    end: String(fields.end),
    stance: fields.stance,
    speaker: fields.speakerId ?? '',
    speakerName: fields.speakerName ?? '',
  });
}

/** "Create a claim from this quote": the new-claim form, the quote located by its offsets. */
export function newClaimFromSuggestionHref(sourceId: string, fields: SuggestionLinkFields): string {
  return `/dashboard/claims/new?${passageQuery(sourceId, fields).toString()}`;
}

/** "Add as an appearance of …": that claim's appearance form, pre-filled. */
export function appearanceFromSuggestionHref(claimId: string, sourceId: string, fields: SuggestionLinkFields): string {
  return `/dashboard/claims/${encodeURIComponent(claimId)}?${passageQuery(sourceId, fields).toString()}#add-appearance`;
}
