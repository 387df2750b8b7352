import type { NextRequest } from 'next/server';
import { notFound, publicJson, publicOrigin } from '@/lib/api/responses';
import { getPublicClaim } from '@/lib/claims/cache';
import { claimPath } from '@/lib/claims/queries';
import { getPublicChallenges } from '@/lib/disputes/cache';

export async function GET(request: NextRequest, { params }: RouteContext<'/api/claims/[slug]'>) {
  const { slug } = await params;
  const claim = await getPublicClaim(slug);
  if (!claim) return notFound(`Claim "${slug}"`);

  const origin = publicOrigin(request);
  const { appearances, verdict, ...rest } = claim;
  return publicJson({
    ...rest,
    url: `${origin}${claimPath(claim.slug)}`,
    verdict: verdict && {
      ...verdict,
      evidence: verdict.evidence.map(({ quotePath, sourceTitle: _title, ...evidence }) => ({
        ...evidence,
        quoteUrl: quotePath ? `${origin}${quotePath}` : null,
      })),
    },
    appearances: appearances.map(({ quotePath, id: _id, ...appearance }) => ({ ...appearance, quoteUrl: `${origin}${quotePath}` })),
    // Counts and decided challenges only: never a contact email, a token or an id.
    readerChallenges: await getPublicChallenges(slug),
  });
}
