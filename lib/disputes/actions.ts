'use server';

import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { expirePublicTags } from '../actions/revalidate';
import { type ActionFailure, failureFrom, validationFailure } from '../actions/result';
import { runAction } from '../actions/run-action';
import { translateFailure } from '../actions/translate-failure';
import { cacheTags } from '../cache-tags';
import { decodeMessage, message } from '../i18n/message';
import { clientAddressFromHeaders } from '../request/client-address';
import { siteOriginFromHeaders } from '../request/site-origin';
import {
  confirmDisputeDecision,
  markDisputeDuplicate,
  type ModerationResult,
  rejectDispute,
  takeDispute,
  upholdDispute,
} from './moderation-mutations';
import { submitDispute } from './mutations';
import {
  confirmDecisionSchema,
  disputeDecisionIntentSchema,
  markDuplicateSchema,
  rejectDisputeSchema,
  submitDisputeSchema,
  takeDisputeSchema,
  upholdDisputeSchema,
} from './schema';

// Server actions of disputes. submitDisputeAction is the only public write
// of Attest (the permission matrix lists it as such); every other action
// checks the actor through runAction and the mutation's assertCan.

export type DisputeFormState = ActionFailure | null;

/** A dispute is a few kilobytes: a larger body is refused before it is parsed. */
const CONTEST_BODY_LIMIT_BYTES = 64 * 1024;

/** The failure in the reader's language: the page's language travels in the form, not in a cookie. */
async function inReaderLanguage(failure: ActionFailure, locale: 'fr' | 'en'): Promise<ActionFailure> {
  const t = await getTranslations({ locale });
  const translate = (text: string) => {
    const descriptor = decodeMessage(text);
    return descriptor ? t(descriptor.key, descriptor.values) : text;
  };
  const fieldErrors = failure.fieldErrors
    ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, errors]) => [field, errors?.map(translate)]))
    : undefined;
  return { ...failure, message: translate(failure.message), ...(fieldErrors ? { fieldErrors } : {}) };
}

/** Public by design: readers contest verdicts without an account. On success, the reader lands on their follow-up page. */
export async function submitDisputeAction(_previous: DisputeFormState, formData: FormData): Promise<DisputeFormState> {
  const requestHeaders = await headers();
  const locale = formData.get('locale') === 'en' ? 'en' : 'fr';
  const declaredLength = Number(requestHeaders.get('content-length') ?? '0');
  if (declaredLength > CONTEST_BODY_LIMIT_BYTES) {
    return inReaderLanguage({ ok: false, code: 'VALIDATION', message: message('contestForm.errors.tooLarge') }, locale);
  }
  const parsed = submitDisputeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return inReaderLanguage(validationFailure(parsed.error, formData), locale);

  let submitted: Awaited<ReturnType<typeof submitDispute>>;
  try {
    submitted = await submitDispute(parsed.data, { clientAddress: clientAddressFromHeaders(requestHeaders), origin: siteOriginFromHeaders(requestHeaders) });
  } catch (error) {
    return inReaderLanguage(failureFrom(error, formData), locale);
  }
  await expirePublicTags([cacheTags.claim(parsed.data.claimSlug)]);
  redirect(`${submitted.followUpPath}?sent=1`);
}

/** After a decision: the public claim page shows it (Reader challenges), and the dispute page is shown afresh with what was done. */
async function afterModeration(result: ModerationResult, done: string): Promise<never> {
  await expirePublicTags([cacheTags.claim(result.claimSlug)]);
  redirect(`/dashboard/disputes/${encodeURIComponent(result.disputeId)}?done=${done}`);
}

export async function takeDisputeAction(_previous: DisputeFormState, formData: FormData): Promise<DisputeFormState> {
  const run = await runAction(takeDisputeSchema, formData, takeDispute);
  if (!run.ok) return translateFailure(run);
  return afterModeration(run.value, 'take');
}

/** The decision form: its Reject, Mark as duplicate and Uphold buttons share one Reason. */
export async function decideDisputeAction(_previous: DisputeFormState, formData: FormData): Promise<DisputeFormState> {
  const intent = disputeDecisionIntentSchema.safeParse({ intent: formData.get('intent') });
  if (!intent.success) return translateFailure(validationFailure(intent.error, formData));
  const run =
    intent.data.intent === 'reject'
      ? await runAction(rejectDisputeSchema, formData, rejectDispute)
      : intent.data.intent === 'duplicate'
        ? await runAction(markDuplicateSchema, formData, markDisputeDuplicate)
        : await runAction(upholdDisputeSchema, formData, upholdDispute);
  if (!run.ok) return translateFailure(run);
  return afterModeration(run.value, run.value.pending ? 'proposed' : intent.data.intent);
}

export async function confirmDisputeDecisionAction(_previous: DisputeFormState, formData: FormData): Promise<DisputeFormState> {
  const run = await runAction(confirmDecisionSchema, formData, confirmDisputeDecision);
  if (!run.ok) return translateFailure(run);
  return afterModeration(run.value, 'confirmed');
}
