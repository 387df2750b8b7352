import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { FormattedDate } from '@/app/components/formatted-date';
import type { VerdictInProgressDto } from '@/lib/verdicts/queries';
import { verdictEditorPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';

/**
 * Where the claim's verdict in progress is: waiting for review, or with its
 * author — sent back by a reviewer, or not submitted yet. The claim's status
 * alone does not say it: a claim never published goes back to draft when its
 * verdict is sent back, and a published claim stays published while its next
 * verdict goes back and forth.
 */
export async function VerdictWhereabouts({ claimId, verdict }: { claimId: string; verdict: VerdictInProgressDto | null }) {
  if (!verdict) return null;
  const t = await getTranslations('verdictEditor.whereabouts');
  const values = {
    number: verdict.number,
    author: verdict.authorName,
    link: (chunks: ReactNode) => <Link href={verdictEditorPath(claimId, verdict.id)}>{chunks}</Link>,
  };
  return (
    <p className="small">
      {verdict.state === 'SUBMITTED'
        ? t.rich(verdict.submittedAt ? 'submittedOn' : 'submitted', { ...values, date: () => verdict.submittedAt && <FormattedDate value={verdict.submittedAt} withTime /> })
        : verdict.changesRequested
          ? t.rich('sentBack', {
              ...values,
              reviewer: verdict.changesRequested.reviewerName,
              date: () => verdict.changesRequested && <FormattedDate value={verdict.changesRequested.at} withTime />,
            })
          : t.rich('draft', values)}
    </p>
  );
}
