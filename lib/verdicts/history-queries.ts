import { listClaimAuditTrail, type AuditEventDto } from '../audit/queries';
import { prisma } from '../db';
import { assertCan, type Actor } from '../permissions';
import { claimForVerdictSelect, toClaimForVerdictDto, toVerdictDto, verdictDtoSelect, type ClaimForVerdictDto, type VerdictDto } from './queries';

export type ClaimHistory = {
  claim: ClaimForVerdictDto;
  /** Every verdict version, newest first. */
  verdicts: VerdictDto[];
  audit: AuditEventDto[];
};

/** A claim's verdict versions and audit trail; null when the claim does not exist. */
export async function findClaimHistory(actor: Actor, claimId: string): Promise<ClaimHistory | null> {
  assertCan(actor, 'dashboard.read');
  const claim = await prisma.claim.findUnique({ where: { id: claimId }, select: claimForVerdictSelect });
  if (!claim) return null;
  const [verdicts, audit] = await Promise.all([
    prisma.verdict.findMany({ where: { claimId }, orderBy: { number: 'desc' }, select: verdictDtoSelect }),
    listClaimAuditTrail(actor, claimId),
  ]);
  return { claim: toClaimForVerdictDto(claim), verdicts: verdicts.map(toVerdictDto), audit };
}
