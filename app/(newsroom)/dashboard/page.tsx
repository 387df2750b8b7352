import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageActor } from '@/lib/auth/require';
import { findDashboardHome } from '@/lib/verdicts/home-queries';
import { ChangesRequested, Counts, MyDrafts, RecentlyPublished, WaitingForMyReview } from './_home/home-lists';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardHomePage() {
  const { actor, allowed } = await requirePageActor('dashboard.read', '/dashboard');
  if (!allowed) return <p>Your role does not allow this.</p>;
  const home = await findDashboardHome(actor);

  return (
    <>
      <h1>Overview</h1>
      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">In the newsroom</h2>
        <Counts counts={home.counts} />
        {home.waitingForMyReview && (
          <p>
            <Link href="/dashboard/review">Open the review queue</Link>
          </p>
        )}
      </section>
      {home.changesRequested && <ChangesRequested items={home.changesRequested} />}
      {home.waitingForMyReview && <WaitingForMyReview items={home.waitingForMyReview} />}
      {home.myDrafts && <MyDrafts verdicts={home.myDrafts.verdicts} claims={home.myDrafts.claims} />}
      <RecentlyPublished items={home.recentlyPublished} />
    </>
  );
}
