import { wordDiff, type DiffPart } from '../verdicts/diff';

// What a claim revision changes, for the reviewer's diff, the claim editor
// and the public "Changes to this fact check" entry. The diffing is the
// verdicts' (lib/verdicts/diff.ts); this file only says which fields.

/** The fields of a claim a revision proposes: what readers are told about it. */
export const revisedClaimFields = ['summary', 'text', 'claimant', 'language', 'claimedAt'] as const;
export type RevisedClaimField = (typeof revisedClaimFields)[number];

export type RevisableClaim = {
  summary: string;
  text: string;
  claimant: { id: string; name: string };
  language: string;
  /** "YYYY-MM-DD" or null. */
  claimedAt: string | null;
};

export type ValueComparison = { before: string | null; after: string | null; changed: boolean };

export type ClaimRevisionComparison = {
  summary: { changed: boolean; parts: DiffPart[] };
  /** Word by word: a typo fix shows as the one word it is. */
  text: { changed: boolean; parts: DiffPart[] };
  claimant: ValueComparison;
  language: ValueComparison;
  claimedAt: ValueComparison;
  changedFields: RevisedClaimField[];
};

function textComparison(before: string, after: string) {
  // Compared as strings: a word diff does not count a changed space.
  return { changed: before !== after, parts: wordDiff(before, after) };
}

const valueComparison = (before: string | null, after: string | null): ValueComparison => ({ before, after, changed: before !== after });

type StoredRevisableClaim = Omit<RevisableClaim, 'claimant'> & { claimantId: string };

/** The fields that differ, from the stored values (the claimant by id). */
export function changedClaimFields(base: StoredRevisableClaim, proposal: StoredRevisableClaim): RevisedClaimField[] {
  const differs: Record<RevisedClaimField, boolean> = {
    summary: base.summary !== proposal.summary,
    text: base.text !== proposal.text,
    claimant: base.claimantId !== proposal.claimantId,
    language: base.language !== proposal.language,
    claimedAt: base.claimedAt !== proposal.claimedAt,
  };
  return revisedClaimFields.filter((field) => differs[field]);
}

/** The columns holding a revision's wording, as it was and as proposed (a Prisma select). */
export const revisionWordingSelect = {
  baseText: true,
  baseSummary: true,
  baseLanguage: true,
  baseClaimantId: true,
  baseClaimedAt: true,
  text: true,
  summary: true,
  language: true,
  claimantId: true,
  claimedAt: true,
} as const;

type RevisionWordingRow = {
  baseText: string;
  baseSummary: string;
  baseLanguage: string;
  baseClaimantId: string;
  baseClaimedAt: Date | null;
  text: string;
  summary: string;
  language: string;
  claimantId: string;
  claimedAt: Date | null;
};

const calendarDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);

/** The fields a stored revision changes. */
export function changedFieldsOfRevision(row: RevisionWordingRow): RevisedClaimField[] {
  return changedClaimFields(
    { summary: row.baseSummary, text: row.baseText, claimantId: row.baseClaimantId, language: row.baseLanguage, claimedAt: calendarDate(row.baseClaimedAt) },
    { summary: row.summary, text: row.text, claimantId: row.claimantId, language: row.language, claimedAt: calendarDate(row.claimedAt) },
  );
}

/** Compares the claim a revision was proposed against with what it proposes. */
export function compareClaimRevision(base: RevisableClaim, proposal: RevisableClaim): ClaimRevisionComparison {
  return {
    summary: textComparison(base.summary, proposal.summary),
    text: textComparison(base.text, proposal.text),
    claimant: { ...valueComparison(base.claimant.name, proposal.claimant.name), changed: base.claimant.id !== proposal.claimant.id },
    language: valueComparison(base.language, proposal.language),
    claimedAt: valueComparison(base.claimedAt, proposal.claimedAt),
    changedFields: changedClaimFields({ ...base, claimantId: base.claimant.id }, { ...proposal, claimantId: proposal.claimant.id }),
  };
}
