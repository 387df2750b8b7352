import { diffLines, diffWords, type Change } from 'diff';
import type { EvidenceDto, VerdictDto } from './queries';
import type { EvidenceStanceKey } from './schema';

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

export type ComparableEvidence = Pick<EvidenceDto, 'stance' | 'sourceTitle' | 'note'> & { quote: { exact: string } | null };
export type ComparableRating = { labelEn: string; labelFr: string };

/** A verdict version as compared: a saved verdict, or the version a reviewer commented on (lib/audit/verdict-snapshots.ts). */
export type ComparableVerdict = Pick<VerdictDto, 'number' | 'headline' | 'explanation' | 'asOf'> & {
  rating: ComparableRating;
  evidence: ComparableEvidence[];
};

/**
 * How the comparison words a rating and an evidence row: in the interface
 * language, which the page knows and lib/ does not. Both versions are worded
 * the same way, so only real changes show.
 */
export type VerdictDiffLabels = {
  rating: (rating: ComparableRating) => string;
  stance: (stance: EvidenceStanceKey) => string;
  untitledSource: string;
};

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One piece of evidence as one comparable line. */
export function evidenceLine(evidence: ComparableEvidence, labels: VerdictDiffLabels): string {
  const parts = [labels.stance(evidence.stance), oneLine(evidence.sourceTitle ?? labels.untitledSource)];
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
export function compareVerdicts(from: ComparableVerdict | null, to: ComparableVerdict, labels: VerdictDiffLabels): VerdictComparison {
  const lines = (evidence: ComparableEvidence[]) => evidence.map((row) => evidenceLine(row, labels)).join('\n');
  const headlineParts = wordDiff(from?.headline ?? '', to.headline);
  const explanationLines = lineDiff(from?.explanation ?? '', to.explanation);
  const evidenceLines = lineDiff(lines(from?.evidence ?? []), lines(to.evidence));
  return {
    fromNumber: from?.number ?? null,
    toNumber: to.number,
    rating: valueChange(from ? labels.rating(from.rating) : null, labels.rating(to.rating)),
    headline: { changed: hasChanges(headlineParts), parts: headlineParts },
    explanation: { changed: hasChanges(explanationLines), lines: explanationLines },
    asOf: valueChange(from?.asOf ?? null, to.asOf),
    evidence: { changed: hasChanges(evidenceLines), lines: evidenceLines },
  };
}
