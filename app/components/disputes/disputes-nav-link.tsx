import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { Actor } from '@/lib/permissions';
import { countDisputesAwaitingModerator } from '@/lib/disputes/dashboard-queries';

/**
 * The dashboard nav's "Disputes" entry with the number waiting for a
 * moderator; nothing for those who do not moderate (editors reach the
 * disputes on their claims from the overview's flag and the queue's address).
 */
export async function DisputesNavLink({ actor }: { actor: Actor }) {
  const count = await countDisputesAwaitingModerator(actor);
  if (count === null) return null;
  const t = await getTranslations('disputes.nav');
  return (
    <Link href="/dashboard/disputes" title={t('openCount', { count })}>
      {t('label')} <span className="muted">({count})</span>
    </Link>
  );
}
