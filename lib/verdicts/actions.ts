'use server';

import { redirect } from 'next/navigation';
import type { ActionFailure, ActionResult } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { runAction, type RunActionOptions } from '../actions/run-action';
import { publicTagsForClaim } from '../cache-tags';
import type { MutationError } from '../mutations/errors';
import { EvidenceQuoteError } from './evidence';
import { saveVerdictDraft, submitVerdict } from './mutations';
import { renderExplanationPreview } from './queries';
import { approveVerdict, requestVerdictChanges } from './review-mutations';
import {
  explanationPreviewSchema,
  fieldErrorsByPath,
  readVerdictForm,
  requestChangesSchema,
  reviewDecisionSchema,
  verdictDraftSchema,
  verdictSubmissionSchema,
  type VerdictFormFailure,
  type VerdictFormResult,
} from './schema';

// Server actions of the verdict editor and of the review. Each one runs its
// mutation through runAction (parse, actor, mutation, which checks the
// permission), then refreshes what the change touched and redirects.

/**
 * The verdict editor's form: evidence rows arrive as indexed fields
 * (evidence.0.quote…), their errors are keyed the same way, and a quote found
 * more than once comes back with the occurrences to choose from.
 */
const verdictEditorForm: RunActionOptions<unknown, VerdictFormFailure> = {
  readForm: readVerdictForm,
  fieldErrors: fieldErrorsByPath,
  refusal: (failure: ActionFailure, error: MutationError) =>
    error instanceof EvidenceQuoteError ? { ...failure, quoteOccurrences: error.occurrences } : failure,
};

function verdictPath(claimId: string, verdictId: string, outcome: string): string {
  return `/dashboard/claims/${encodeURIComponent(claimId)}/verdicts/${encodeURIComponent(verdictId)}?saved=${outcome}`;
}

/** "Save draft": creates the claim's next verdict, or saves the author's draft. Needs verdict.draft. */
export async function saveVerdictDraftAction(_previous: unknown, formData: FormData): Promise<VerdictFormResult> {
  const result = await runAction(verdictDraftSchema, formData, saveVerdictDraft, verdictEditorForm);
  if (!result.ok) return result;
  // Nothing public changed: a draft is only seen in the dashboard.
  redirect(verdictPath(result.value.claimId, result.value.verdictId, 'draft'));
}

/** "Submit for review": saves, then submits. Needs verdict.submit. */
export async function submitVerdictAction(_previous: unknown, formData: FormData): Promise<VerdictFormResult> {
  const result = await runAction(verdictSubmissionSchema, formData, submitVerdict, verdictEditorForm);
  if (!result.ok) return result;
  // A published claim keeps its published verdict until the review: nothing public changed yet.
  redirect(verdictPath(result.value.claimId, result.value.verdictId, 'submitted'));
}

/** The editor's live preview of the explanation, rendered and sanitized as the public page does. Needs verdict.draft. */
export async function previewExplanationAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ html: string }>> {
  const result = await runAction(explanationPreviewSchema, formData, async (actor, input) => renderExplanationPreview(actor, input.markdown));
  if (!result.ok) return result;
  return { ok: true, data: { html: result.value } };
}

/** "Approve and publish": a second editor publishes the verdict. Needs verdict.review. */
export async function approveVerdictAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const result = await runAction(reviewDecisionSchema, formData, approveVerdict);
  if (!result.ok) return result;
  const published = result.value;
  // The public page, the read API and the quoted sources show the new verdict at once.
  await expirePublicTags(publicTagsForClaim(published.claimSlug, published.sourceIds));
  redirect(`/dashboard/review/${encodeURIComponent(published.verdictId)}?done=published`);
}

/** "Request changes": back to its author as a draft, with a comment. Needs verdict.review. */
export async function requestVerdictChangesAction(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const result = await runAction(requestChangesSchema, formData, requestVerdictChanges);
  if (!result.ok) return result;
  redirect('/dashboard/review?done=changes-requested');
}
