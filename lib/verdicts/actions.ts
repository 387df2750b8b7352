'use server';

import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { failureFrom, unauthenticated, validationFailure, type ActionResult } from '../actions/result';
import { expirePublicTags } from '../actions/revalidate';
import { getActor } from '../auth/actor';
import { publicTagsForClaim } from '../cache-tags';
import { EvidenceQuoteError } from './evidence';
import * as verdictMutations from './mutations';
import { renderExplanationPreview } from './queries';
import * as reviewMutations from './review-mutations';
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

// Server actions of the verdict editor and of the review. Each one parses,
// resolves the actor, calls one mutation (which checks the permission), then,
// outside the try, refreshes what the change touched and redirects.

function verdictValidationFailure(error: z.ZodError, formData: FormData): VerdictFormFailure {
  // Evidence fields are named evidence.0.quote…: errors are keyed the same way.
  return { ...validationFailure(error, formData), fieldErrors: fieldErrorsByPath(error) };
}

function verdictMutationFailure(error: unknown, formData: FormData): VerdictFormFailure {
  const failure = failureFrom(error, formData);
  return error instanceof EvidenceQuoteError ? { ...failure, quoteOccurrences: error.occurrences } : failure;
}

function verdictPath(claimId: string, verdictId: string, outcome: string): string {
  return `/dashboard/claims/${encodeURIComponent(claimId)}/verdicts/${encodeURIComponent(verdictId)}?saved=${outcome}`;
}

/** "Save draft": creates the claim's next verdict, or saves the author's draft. Needs verdict.draft. */
export async function saveVerdictDraft(_previous: unknown, formData: FormData): Promise<VerdictFormResult> {
  const parsed = verdictDraftSchema.safeParse(readVerdictForm(formData));
  if (!parsed.success) return verdictValidationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let saved: verdictMutations.SavedVerdict;
  try {
    saved = await verdictMutations.saveVerdictDraft(actor, parsed.data);
  } catch (error) {
    return verdictMutationFailure(error, formData);
  }
  // Nothing public changed: a draft is only seen in the dashboard.
  redirect(verdictPath(saved.claimId, saved.verdictId, 'draft'));
}

/** "Submit for review": saves, then submits. Needs verdict.submit. */
export async function submitVerdict(_previous: unknown, formData: FormData): Promise<VerdictFormResult> {
  const parsed = verdictSubmissionSchema.safeParse(readVerdictForm(formData));
  if (!parsed.success) return verdictValidationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let saved: verdictMutations.SavedVerdict;
  try {
    saved = await verdictMutations.submitVerdict(actor, parsed.data);
  } catch (error) {
    return verdictMutationFailure(error, formData);
  }
  // A published claim keeps its published verdict until the review: nothing public changed yet.
  redirect(verdictPath(saved.claimId, saved.verdictId, 'submitted'));
}

/** The editor's live preview of the explanation, rendered and sanitized as the public page does. Needs verdict.draft. */
export async function previewExplanation(_previous: unknown, formData: FormData): Promise<ActionResult<{ html: string }>> {
  const parsed = explanationPreviewSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let html: string;
  try {
    html = renderExplanationPreview(actor, parsed.data.markdown);
  } catch (error) {
    return failureFrom(error);
  }
  return { ok: true, data: { html } };
}

/** "Approve and publish": a second editor publishes the verdict. Needs verdict.review. */
export async function approveVerdict(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const parsed = reviewDecisionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  let published: reviewMutations.PublishedVerdict;
  try {
    published = await reviewMutations.approveVerdict(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  // The public page, the read API and the quoted sources show the new verdict at once.
  expirePublicTags(publicTagsForClaim(published.claimSlug, published.sourceIds));
  redirect(`/dashboard/review/${encodeURIComponent(published.verdictId)}?done=published`);
}

/** "Request changes": back to its author as a draft, with a comment. Needs verdict.review. */
export async function requestVerdictChanges(_previous: unknown, formData: FormData): Promise<ActionResult<undefined>> {
  const parsed = requestChangesSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const actor = await getActor();
  if (!actor) return unauthenticated;
  try {
    await reviewMutations.requestVerdictChanges(actor, parsed.data);
  } catch (error) {
    return failureFrom(error, formData);
  }
  redirect('/dashboard/review?done=changes-requested');
}
