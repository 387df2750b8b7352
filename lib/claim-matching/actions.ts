'use server';

import type { ActionResult } from '../actions/result';
import { runAction } from '../actions/run-action';
import { type ClaimMatch, findClaimMatches } from './queries';
import { claimMatchRequestSchema } from './schema';

/**
 * The claim editor's "Possible duplicates" as the editor types (a read: needs
 * only dashboard access). A text past the claim form's own limit, or with a
 * control character, is a validation failure the panel shows, never a 500.
 */
export async function findClaimMatchesAction(_previous: unknown, formData: FormData): Promise<ActionResult<ClaimMatch[]>> {
  const result = await runAction(claimMatchRequestSchema, formData, (actor, input) => findClaimMatches(actor, input));
  if (!result.ok) return result;
  return { ok: true, data: result.value };
}
