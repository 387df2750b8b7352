import { z } from 'zod';
import { evidenceStances } from '../verdicts/schema';

// The audit snapshots read back (recordAudit stores them as JSON). Each read
// takes only the fields it needs and refuses a snapshot of another shape (an
// older or a seed row) instead of guessing.

/** A verdict as lib/verdicts/shared-mutations.ts `verdictAuditSelect` records it. */
export const verdictSnapshotSchema = z.object({
  number: z.number().int(),
  ratingId: z.string(),
  headline: z.string(),
  explanation: z.string(),
  /** An ISO date-time (UTC midnight of the as-of date). */
  asOf: z.string(),
  evidence: z.array(
    z.object({
      sourceId: z.string(),
      stance: z.enum(evidenceStances),
      note: z.string().nullable(),
      exact: z.string().nullable(),
    }),
  ),
});
export type VerdictSnapshot = z.infer<typeof verdictSnapshotSchema>;

/** A reference of an unexpected type reads as absent. */
const id = z.string().min(1).optional().catch(undefined);

/**
 * The references a snapshot may carry to the records around it, to name a
 * record that was deleted since (an appearance, a relation) or that only its
 * snapshot ties to others (a review, a correction).
 */
export const snapshotReferencesSchema = z
  .object({
    claimId: id,
    sourceId: id,
    verdictId: id,
    fromClaimId: id,
    toClaimId: id,
    fromVerdictId: id,
    toVerdictId: id,
  })
  .catch({});
export type SnapshotReferences = z.infer<typeof snapshotReferencesSchema>;
