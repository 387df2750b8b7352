import { prisma } from '../db';

export type LastChange = { actorName: string | null; at: Date };

/** Who last changed a record, according to the audit trail. */
export async function findLastChange(entityType: string, entityId: string): Promise<LastChange | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType, entityId },
    orderBy: { at: 'desc' },
    select: { at: true, actor: { select: { name: true } } },
  });
  return event ? { actorName: event.actor?.name ?? null, at: event.at } : null;
}
