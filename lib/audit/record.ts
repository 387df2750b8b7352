import type { Prisma } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** JSON snapshot of a row for the audit trail (dates as ISO strings). */
export function auditSnapshot(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/**
 * Writes one audit event. Call it with the transaction client of the change it
 * records, so that the change and its audit row commit or fail together.
 */
export async function recordAudit(
  tx: Tx,
  event: { actorId: string | null; action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === undefined ? undefined : auditSnapshot(event.before),
      after: event.after === undefined ? undefined : auditSnapshot(event.after),
    },
  });
}
