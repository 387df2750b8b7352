import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { VerdictCredits } from '@/lib/verdicts/credits';

/** "Written by …, approved by …": the two editors every published verdict has, named as the newsroom chose. */
export function VerdictCreditsLine({ credits }: { credits: VerdictCredits }) {
  const t = useTranslations('claimPage.credits');
  const name = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <p className="muted small verdict-credits">
      {credits.mode === 'team'
        ? t.rich('team', { team: credits.team, name })
        : credits.approver === null
          ? t.rich('authorOnly', { author: credits.author, name })
          : t.rich('people', { author: credits.author, approver: credits.approver, name })}
    </p>
  );
}
