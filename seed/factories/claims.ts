import type { ClaimantKind, ClaimStatus, VerdictState } from '../../lib/generated/prisma/enums';
import { uniqueMarker } from './unique';
import type { FactoryDb } from './users';

// Claimants, claims and verdicts a test arranges for itself, so that it never
// changes a seeded record that another test reads. Written with the Prisma
// client, as the seed is; the database's own checks (quote anchors, one
// published verdict per claim, frozen published evidence) still apply.

export type CreatedClaimant = { id: string; slug: string; name: string };

export async function createClaimant(db: FactoryDb, options: { name?: string; kind?: ClaimantKind; country?: string | null } = {}): Promise<CreatedClaimant> {
  const marker = uniqueMarker();
  return db.claimant.create({
    data: { slug: `claimant-${marker}`, name: options.name ?? `Porte-parole ${marker}`, kind: options.kind ?? 'PERSON', country: options.country ?? null },
    select: { id: true, slug: true, name: true },
  });
}

export type CreatedClaim = { id: string; slug: string; summary: string; claimantId: string };

export type ClaimOptions = {
  status?: ClaimStatus;
  /** When it was first published: now for a published claim unless given; an archived one was published only if given. */
  publishedAt?: Date | null;
  summary?: string;
  claimantId?: string;
  createdById?: string | null;
};

/** A claim by a claimant of its own (unless one is given), without appearances. */
export async function createClaim(db: FactoryDb, options: ClaimOptions = {}): Promise<CreatedClaim> {
  const marker = uniqueMarker();
  const status = options.status ?? 'DRAFT';
  const claimantId = options.claimantId ?? (await createClaimant(db)).id;
  return db.claim.create({
    data: {
      slug: `claim-${marker}`,
      text: `Déclaration de test ${marker}.`,
      summary: options.summary ?? `Déclaration de test ${marker}`,
      language: 'fr',
      claimantId,
      status,
      publishedAt: options.publishedAt ?? (status === 'PUBLISHED' ? new Date() : null),
      archivedAt: status === 'ARCHIVED' ? new Date() : null,
      createdById: options.createdById ?? null,
      updatedById: options.createdById ?? null,
    },
    select: { id: true, slug: true, summary: true, claimantId: true },
  });
}

/** The appearance's source and quote: evidence can quote the same passage. */
export type CopiedAppearance = { sourceId: string; exact: string };

/**
 * Gives the claim an appearance copied from the seed's first one (same source
 * and anchor, so the database's anchor check passes).
 */
export async function copySeededAppearance(db: FactoryDb, claimId: string): Promise<CopiedAppearance> {
  const seeded = await db.appearance.findFirst({
    orderBy: { id: 'asc' },
    select: { sourceId: true, speakerId: true, stance: true, exact: true, prefix: true, suffix: true, start: true, end: true },
  });
  if (!seeded) throw new Error('copySeededAppearance: the database has no appearance to copy: is it seeded?');
  await db.appearance.create({ data: { ...seeded, claimId } });
  return { sourceId: seeded.sourceId, exact: seeded.exact };
}

/** A claim that appears somewhere: a verdict can only be submitted for such a claim. */
export async function createClaimWithAppearance(db: FactoryDb, options: ClaimOptions = {}): Promise<CreatedClaim & { appearance: CopiedAppearance }> {
  const claim = await createClaim(db, options);
  return { ...claim, appearance: await copySeededAppearance(db, claim.id) };
}

export type CreatedVerdict = { id: string; number: number; version: number; ratingId: string };

export type VerdictOptions = {
  claimId: string;
  authorId: string;
  state?: Exclude<VerdictState, 'SUPERSEDED'>;
  /** A rating key of the seeded scale; by default its first active rating. */
  ratingKey?: string;
  /** One piece of context evidence on this source (no quote). */
  evidenceSourceId?: string;
  reviewerId?: string | null;
  correctionNote?: string | null;
};

/**
 * The claim's next verdict. Drafted first and given its evidence, then moved
 * to its state, as the database allows evidence only on an unpublished verdict.
 */
export async function createVerdict(db: FactoryDb, options: VerdictOptions): Promise<CreatedVerdict> {
  const rating = await db.rating.findFirst({
    where: options.ratingKey ? { key: options.ratingKey } : { active: true },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  if (!rating) throw new Error(`createVerdict: no ${options.ratingKey ? `rating "${options.ratingKey}"` : 'active rating'}: is the database seeded?`);
  const last = await db.verdict.aggregate({ where: { claimId: options.claimId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const verdict = await db.verdict.create({
    data: {
      claimId: options.claimId,
      number,
      ratingId: rating.id,
      headline: `Verdict de test numéro ${number}.`,
      explanation: 'Explication de test.',
      asOf: new Date('2024-12-01T00:00:00.000Z'),
      authorId: options.authorId,
      correctionNote: options.correctionNote ?? null,
    },
    select: { id: true },
  });
  if (options.evidenceSourceId) {
    await db.evidence.create({ data: { verdictId: verdict.id, sourceId: options.evidenceSourceId, stance: 'CONTEXT', note: 'Contexte.', position: 0 } });
  }
  const state = options.state ?? 'DRAFT';
  const now = new Date();
  const stated = await db.verdict.update({
    where: { id: verdict.id },
    data: {
      state,
      submittedAt: state === 'DRAFT' ? null : now,
      publishedAt: state === 'PUBLISHED' ? now : null,
      reviewerId: state === 'PUBLISHED' ? (options.reviewerId ?? null) : null,
    },
    select: { id: true, number: true, version: true, ratingId: true },
  });
  return stated;
}
