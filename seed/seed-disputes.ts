import { isClosedStatus } from '../lib/disputes/labels';
import type { DisputeStatus } from '../lib/generated/prisma/enums';
import type { Prisma } from '../lib/generated/prisma/client';
import { seedDisputes, seedModerator, type SeedDispute } from './data/disputes';

type Tx = Prisma.TransactionClient;

// The seed's disputes (seed/data/disputes.ts): each created with its whole
// status history unless a dispute with the same text already exists on its
// claim, so that a second run changes nothing. No contact email and no
// follow-up token: nobody holds a link to them.

function lastDecision(seed: SeedDispute) {
  return [...seed.steps].reverse().find((step) => step.by === 'moderator' && step.note !== null);
}

export async function seedDisputeRecords(tx: Tx, count: (what: string) => void): Promise<void> {
  const moderatorId =
    (await tx.user.findUnique({ where: { email: seedModerator.email }, select: { id: true } }))?.id ??
    (await createSeedModerator(tx, count));
  const reviewer = await tx.user.findUniqueOrThrow({ where: { email: 'seed-reviewer@attest.local' }, select: { id: true } });

  for (const seed of seedDisputes) {
    const claim = await tx.claim.findUnique({
      where: { slug: seed.claim },
      select: { id: true, verdicts: { where: { number: seed.verdictNumber }, select: { id: true } }, corrections: { select: { id: true, fromVerdictId: true } } },
    });
    const verdict = claim?.verdicts[0];
    if (!claim || !verdict) throw new Error(`seed dispute refers to verdict ${seed.verdictNumber} of unknown claim "${seed.claim}"`);
    if (await tx.dispute.findFirst({ where: { claimId: claim.id, message: seed.message }, select: { id: true } })) continue;

    const status: DisputeStatus = seed.steps.at(-1)?.to ?? 'OPEN';
    const closing = seed.steps.find((step) => isClosedStatus(step.to));
    const correction = status === 'UPHELD' ? claim.corrections.find((c) => c.fromVerdictId === verdict.id) : undefined;
    if (status === 'UPHELD' && !correction) throw new Error(`seed dispute on "${seed.claim}" is upheld but its verdict was never corrected`);
    const decision = lastDecision(seed);
    type Change = { fromStatus: DisputeStatus | null; toStatus: DisputeStatus; changedAt: Date; actorId: string | null; note: string | null };
    const history: Change[] = [{ fromStatus: null, toStatus: 'OPEN', changedAt: new Date(seed.createdAt), actorId: null, note: null }];
    for (const step of seed.steps) {
      history.push({
        fromStatus: history.at(-1)?.toStatus ?? null,
        toStatus: step.to,
        changedAt: new Date(step.at),
        actorId: step.by === 'moderator' ? moderatorId : reviewer.id,
        note: step.note,
      });
    }
    const row = await tx.dispute.create({
      data: {
        claimId: claim.id,
        verdictId: verdict.id,
        kind: seed.kind,
        message: seed.message,
        publishConsent: seed.publishConsent,
        locale: 'fr',
        status,
        moderatorId: seed.steps.some((step) => step.by === 'moderator') ? moderatorId : null,
        resolutionNote: decision?.note ?? null,
        closedAt: closing ? new Date(closing.at) : null,
        correctionId: correction?.id ?? null,
        createdAt: new Date(seed.createdAt),
        statusHistory: { create: history },
      },
    });
    await tx.auditEvent.create({
      data: { actorId: null, action: 'seed.dispute.create', entityType: 'Dispute', entityId: row.id, after: { claim: seed.claim, kind: seed.kind, status } },
    });
    count('disputes');
  }
}

async function createSeedModerator(tx: Tx, count: (what: string) => void): Promise<string> {
  const user = await tx.user.create({ data: { ...seedModerator, passwordHash: null, active: false }, select: { id: true, email: true, role: true } });
  await tx.auditEvent.create({ data: { actorId: null, action: 'seed.user.create', entityType: 'User', entityId: user.id, after: { email: user.email, role: user.role } } });
  count('users');
  return user.id;
}
