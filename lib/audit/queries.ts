import { type Prisma, prisma } from '../db';
import { assertCan, type Actor } from '../permissions';

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

export type AuditEventDto = {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  /** null for system changes (seed, migrations). */
  actorName: string | null;
};

/**
 * A claim's audit trail, newest first: the claim itself, and its appearances,
 * relations, verdicts (with their evidence, reviews and corrections). Rows of
 * records deleted since (an appearance, a relation) are found by the claim id
 * their snapshot names.
 */
export async function listClaimAuditTrail(actor: Actor, claimId: string, limit = 300): Promise<AuditEventDto[]> {
  assertCan(actor, 'dashboard.read');
  const [appearances, relations, verdicts, corrections] = await Promise.all([
    prisma.appearance.findMany({ where: { claimId }, select: { id: true } }),
    prisma.claimRelation.findMany({ where: { OR: [{ fromClaimId: claimId }, { toClaimId: claimId }] }, select: { id: true } }),
    prisma.verdict.findMany({
      where: { claimId },
      select: { id: true, evidence: { select: { id: true } }, reviews: { select: { id: true } } },
    }),
    prisma.correction.findMany({ where: { claimId }, select: { id: true } }),
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
    select: { id: true, at: true, action: true, entityType: true, entityId: true, actor: { select: { name: true } } },
  });
  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    actorName: event.actor?.name ?? null,
  }));
}
