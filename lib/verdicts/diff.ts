import { diffLines, diffWords, type Change } from 'diff';
import { evidenceStanceLabel } from '../claims/labels';
import type { EvidenceDto, VerdictDto } from './queries';

// What changed between two verdict versions, for the reviewer and the history
// page: rating, headline (word by word), explanation (line by line), as-of
// date and evidence (one line per piece of evidence). The diffing itself is
// the `diff` package's.

export type ChangeKind = 'added' | 'removed' | 'same';
export type DiffPart = { value: string; change: ChangeKind };
export type DiffLine = { text: string; change: ChangeKind };
export type ValueChange = { before: string | null; after: string; changed: boolean };

export type VerdictComparison = {
  fromNumber: number | null;
  toNumber: number;
  rating: ValueChange;
  headline: { changed: boolean; parts: DiffPart[] };
  explanation: { changed: boolean; lines: DiffLine[] };
  asOf: ValueChange;
  evidence: { changed: boolean; lines: DiffLine[] };
};

type ComparableEvidence = Pick<EvidenceDto, 'stance' | 'sourceTitle' | 'quote' | 'note'>;

type Comparable = Pick<VerdictDto, 'number' | 'headline' | 'explanation' | 'asOf'> & {
  rating: { labelEn: string; labelFr: string };
  evidence: ComparableEvidence[];
};

export function ratingText(rating: { labelEn: string; labelFr: string }): string {
  return `${rating.labelEn} (${rating.labelFr})`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One piece of evidence as one comparable line. */
export function evidenceLine(evidence: ComparableEvidence): string {
  const parts = [evidenceStanceLabel[evidence.stance], oneLine(evidence.sourceTitle ?? 'Untitled source')];
  if (evidence.quote) parts.push(`« ${oneLine(evidence.quote.exact)} »`);
  if (evidence.note) parts.push(oneLine(evidence.note));
  return parts.join(' — ');
}

const kind = (change: Change): ChangeKind => (change.added ? 'added' : change.removed ? 'removed' : 'same');

/** diffLines wants complete lines: a missing final newline would count as a change. */
const withFinalNewline = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** Line by line, for long texts; also used by lib/claims/revision-diff.ts. */
export function lineDiff(before: string, after: string): DiffLine[] {
  return diffLines(withFinalNewline(before.replace(/\r\n/g, '\n')), withFinalNewline(after.replace(/\r\n/g, '\n'))).flatMap((change) => {
    const lines = change.value.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.map((text) => ({ text, change: kind(change) }));
  });
}

/** Word by word, for short texts (a headline, a summary); also used by lib/claims/revision-diff.ts. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({ value: change.value, change: kind(change) }));
}

const hasChanges = (items: { change: ChangeKind }[]): boolean => items.some((item) => item.change !== 'same');

export function valueChange(before: string | null, after: string): ValueChange {
  return { before, after, changed: before !== after };
}

/** Compares `from` (null for a first verdict: everything is new) with `to`. */
export function compareVerdicts(from: Comparable | null, to: Comparable): VerdictComparison {
  const headlineParts = wordDiff(from?.headline ?? '', to.headline);
  const explanationLines = lineDiff(from?.explanation ?? '', to.explanation);
  const evidenceLines = lineDiff((from?.evidence ?? []).map(evidenceLine).join('\n'), to.evidence.map(evidenceLine).join('\n'));
  return {
    fromNumber: from?.number ?? null,
    toNumber: to.number,
    rating: valueChange(from ? ratingText(from.rating) : null, ratingText(to.rating)),
    headline: { changed: hasChanges(headlineParts), parts: headlineParts },
    explanation: { changed: hasChanges(explanationLines), lines: explanationLines },
    asOf: valueChange(from?.asOf ?? null, to.asOf),
    evidence: { changed: hasChanges(evidenceLines), lines: evidenceLines },
  };
}
