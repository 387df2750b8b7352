import { type Prisma, prisma } from '../db';
import { assertCan, type Actor } from '../permissions';
import { snapshotReferencesSchema } from './schema';

export type LastChange = { actorName: string | null; at: Date };

/**
 * Who last changed a record, according to the audit trail. Inside a
 * transaction pass its client: another connection would wait for it on a
 * database that runs one transaction at a time (the embedded one).
 */
export async function findLastChange(
  entityType: string,
  entityId: string,
  client: Pick<Prisma.TransactionClient, 'auditEvent'> = prisma,
): Promise<LastChange | null> {
  const event = await client.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { at: 'desc' },
    select: { at: true, actor: { select: { name: true } } },
  });
  return event ? { actorName: event.actor?.name ?? null, at: event.at } : null;
}

/** One audit event's snapshots, for reads that rebuild what a record looked like then. */
export type AuditSnapshots = { at: Date; actorName: string | null; before: unknown; after: unknown };

/** The latest event of `action` on a record, with its before/after snapshots; null when none was recorded. */
export async function findLatestAuditSnapshots(entityType: string, entityId: string, action: string): Promise<AuditSnapshots | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType, entityId, action },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { at: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return event ? { at: event.at, actorName: event.actor?.name ?? null, before: event.before, after: event.after } : null;
}

/**
 * What an audit event was about, named as the newsroom names it: the claim's
 * summary, a verdict's version number, the source a quote points into. The
 * page words it in the interface language. A name is null when the record and
 * its snapshot no longer say it.
 */
export type AuditRecord =
  | { kind: 'claim'; summary: string | null; language: string | null }
  | { kind: 'verdict'; number: number | null }
  | { kind: 'review'; verdictNumber: number | null }
  | { kind: 'correction'; fromNumber: number | null; toNumber: number | null }
  | { kind: 'quote'; sourceTitle: string | null; proposed: boolean }
  | { kind: 'relation'; otherSummary: string | null; language: string | null }
  | { kind: 'revision' }
  | { kind: 'other'; entityType: string };

export type AuditEventDto = {
  id: string;
  at: string;
  /** As recorded (`verdict.submit`, `seed.claim.create`): the page words it from the catalogue. */
  action: string;
  entityType: string;
  record: AuditRecord;
  /** null for system changes (seed, migrations). */
  actorName: string | null;
};

type ClaimName = { summary: string; language: string };

/**
 * A claim's audit trail, newest first: the claim itself, and its appearances,
 * relations, verdicts (with their evidence, reviews and corrections). Rows of
 * records deleted since (an appearance, a relation) are found by the claim id
 * their snapshot names.
 */
export async function listClaimAuditTrail(actor: Actor, claimId: string, limit = 300): Promise<AuditEventDto[]> {
  assertCan(actor, 'dashboard.read');
  const claimName = { select: { id: true, summary: true, language: true } } as const;
  const [claim, appearances, relations, verdicts, corrections] = await Promise.all([
    prisma.claim.findUnique({ where: { id: claimId }, select: { summary: true, language: true } }),
    prisma.appearance.findMany({ where: { claimId }, select: { id: true, source: { select: { title: true } } } }),
    prisma.claimRelation.findMany({
      where: { OR: [{ fromClaimId: claimId }, { toClaimId: claimId }] },
      select: { id: true, fromClaim: claimName, toClaim: claimName },
    }),
    prisma.verdict.findMany({
      where: { claimId },
      select: { id: true, number: true, evidence: { select: { id: true } }, reviews: { select: { id: true } } },
    }),
    prisma.correction.findMany({ where: { claimId }, select: { id: true, fromVerdictId: true, toVerdictId: true } }),
  ]);
  const relatedIds = [
    ...appearances.map((row) => row.id),
    ...relations.map((row) => row.id),
    ...corrections.map((row) => row.id),
    ...verdicts.flatMap((row) => [row.id, ...row.evidence.map((e) => e.id), ...row.reviews.map((r) => r.id)]),
  ];
  const namesClaim = (field: 'claimId' | 'fromClaimId' | 'toClaimId') => [
    { before: { path: [field], equals: claimId } },
    { after: { path: [field], equals: claimId } },
  ];
  const events = await prisma.auditEvent.findMany({
    where: {
      OR: [
        { entityType: 'Claim', entityId: claimId },
        ...(relatedIds.length > 0 ? [{ entityId: { in: relatedIds } }] : []),
        ...namesClaim('claimId'),
        ...namesClaim('fromClaimId'),
        ...namesClaim('toClaimId'),
      ],
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, actor: { select: { name: true } } },
  });

  // Records deleted since (an appearance, a relation) are named through what their snapshot points at.
  const references = new Map(events.map((event) => [event.id, { ...snapshotReferencesSchema.parse(event.before), ...snapshotReferencesSchema.parse(event.after) }]));
  const known = {
    sourceTitles: new Map(appearances.map((row) => [row.id, row.source.title])),
    relations: new Map(relations.map((row) => [row.id, row.fromClaim.id === claimId ? row.toClaim : row.fromClaim])),
    verdictNumbers: new Map(verdicts.map((row) => [row.id, row.number])),
    reviewVerdicts: new Map(verdicts.flatMap((row) => row.reviews.map((review) => [review.id, row.id] as const))),
    corrections: new Map(corrections.map((row) => [row.id, row])),
  };
  const wanted = [...references.values()];
  const [sources, otherClaims] = await Promise.all([
    prisma.source.findMany({ where: { id: { in: unique(wanted.map((refs) => refs.sourceId)) } }, select: { id: true, title: true } }),
    prisma.claim.findMany({
      where: { id: { in: unique(wanted.flatMap((refs) => [refs.fromClaimId, refs.toClaimId]).filter((id) => id !== claimId)) } },
      select: { id: true, summary: true, language: true },
    }),
  ]);
  const sourceTitles = new Map(sources.map((row) => [row.id, row.title]));
  const claimNames = new Map<string, ClaimName>(otherClaims.map((row) => [row.id, row]));
  const numberOf = (verdictId: string | undefined) => (verdictId ? (known.verdictNumbers.get(verdictId) ?? null) : null);

  function recordOf(event: (typeof events)[number]): AuditRecord {
    const refs = references.get(event.id) ?? {};
    switch (event.entityType) {
      case 'Claim':
        return { kind: 'claim', summary: claim?.summary ?? null, language: claim?.language ?? null };
      case 'Verdict':
        return { kind: 'verdict', number: numberOf(event.entityId) };
      case 'VerdictReview':
        return { kind: 'review', verdictNumber: numberOf(known.reviewVerdicts.get(event.entityId) ?? refs.verdictId) };
      case 'Correction': {
        const correction = known.corrections.get(event.entityId);
        return { kind: 'correction', fromNumber: numberOf(correction?.fromVerdictId ?? refs.fromVerdictId), toNumber: numberOf(correction?.toVerdictId ?? refs.toVerdictId) };
      }
      case 'Appearance':
      case 'ProposedAppearance': {
        const title = known.sourceTitles.has(event.entityId) ? known.sourceTitles.get(event.entityId) : refs.sourceId ? sourceTitles.get(refs.sourceId) : undefined;
        return { kind: 'quote', sourceTitle: title ?? null, proposed: event.entityType === 'ProposedAppearance' };
      }
      case 'ClaimRelation': {
        const otherId = refs.fromClaimId === claimId ? refs.toClaimId : refs.fromClaimId;
        const other = known.relations.get(event.entityId) ?? (otherId ? claimNames.get(otherId) : undefined);
        return { kind: 'relation', otherSummary: other?.summary ?? null, language: other?.language ?? null };
      }
      case 'ClaimRevision':
        return { kind: 'revision' };
      default:
        return { kind: 'other', entityType: event.entityType };
    }
  }

  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    entityType: event.entityType,
    record: recordOf(event),
    actorName: event.actor?.name ?? null,
  }));
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => !!value))];
}
