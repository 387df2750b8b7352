import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { DisputedClaims } from '@/app/components/disputes/disputed-claims';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { findDashboardHome } from '@/lib/verdicts/home-queries';
import { ChangesRequested, Counts, MyDrafts, RecentlyPublished, WaitingForMyReview } from './_home/home-lists';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboardHome');
  return { title: t('metaTitle') };
}

export default async function DashboardHomePage() {
  const { actor, allowed } = await requirePageActor('dashboard.read', '/dashboard');
  if (!allowed) return <NotAllowed />;
  const home = await findDashboardHome(actor);
  const t = await getTranslations('dashboardHome');

  return (
    <>
      <h1>{t('title')}</h1>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{t('counts.title')}</h2>
        <Counts counts={home.counts} />
        {home.waitingForMyReview && (
          <p>
            <Link href="/dashboard/review">{t('openReviewQueue')}</Link>
          </p>
        )}
      </section>
      {/* Claims whose verdict a moderator upheld a dispute against: "Disputed — needs a new verdict". */}
      <DisputedClaims actor={actor} />
      {home.changesRequested && <ChangesRequested items={home.changesRequested} />}
      {home.waitingForMyReview && <WaitingForMyReview items={home.waitingForMyReview} />}
      {home.myDrafts && <MyDrafts verdicts={home.myDrafts.verdicts} claims={home.myDrafts.claims} />}
      <RecentlyPublished items={home.recentlyPublished} />
    </>
  );
}
