import type { VerdictDto } from '@/lib/verdicts/queries';
import type { VerdictFormInitial } from './verdict-form';

/** The editor's starting values: the saved verdict, or an empty new one. */
export function editorInitial(verdict: VerdictDto | null, today: string, savedOccurrences: Record<string, number> = {}): VerdictFormInitial {
  if (!verdict) {
    return { verdictId: null, version: null, ratingId: '', headline: '', explanation: '', asOf: today, correctionNote: '', evidence: [] };
  }
  return {
    verdictId: verdict.id,
    version: verdict.version,
    ratingId: verdict.rating.id,
    headline: verdict.headline,
    explanation: verdict.explanation,
    asOf: verdict.asOf,
    correctionNote: verdict.correctionNote ?? '',
    evidence: verdict.evidence.map((evidence) => ({
      sourceId: evidence.sourceId,
      quote: evidence.quote?.exact ?? '',
      stance: evidence.stance,
      note: evidence.note ?? '',
      occurrence: savedOccurrences[evidence.id] === undefined ? '' : String(savedOccurrences[evidence.id]),
    })),
  };
}
