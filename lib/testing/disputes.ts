import { createTranslator } from 'next-intl';
import en from '../../messages/en.json' with { type: 'json' };
import { decodeMessage } from '../i18n/message';
import type { PrismaClient } from '../generated/prisma/client';
import { signFormToken } from '../disputes/tokens';

// Shared by the disputes' integration tests: a signed form as the contest
// page would hand it out, and messages rendered as an English reader reads them.

export const TEST_SECRET = 'disputes-test-secret-0000000000000000';

const english = createTranslator({ locale: 'en', messages: en, timeZone: 'UTC' });

/** A lib/ message (lib/i18n/message.ts) in English words. */
export function inEnglish(text: string): string {
  const descriptor = decodeMessage(text);
  if (!descriptor) return text;
  return english(descriptor.key as never, descriptor.values as never);
}

/** The form token of the claim's contest page, opened `secondsAgo` before `now`. */
export async function openedForm(prisma: PrismaClient, claimSlug: string, now: Date, secondsAgo = 30): Promise<string> {
  const claim = await prisma.claim.findUniqueOrThrow({
    where: { slug: claimSlug },
    select: { id: true, verdicts: { where: { state: 'PUBLISHED' }, select: { id: true } } },
  });
  const verdict = claim.verdicts[0];
  if (!verdict) throw new Error(`openedForm: ${claimSlug} has no published verdict`);
  return signFormToken({ claimId: claim.id, verdictId: verdict.id, openedAt: new Date(now.getTime() - secondsAgo * 1000) }, TEST_SECRET);
}
