import { getTranslations } from 'next-intl/server';
import { getPublicRatingScale } from '@/lib/methodology/cache';

/**
 * What a claim, source, claimant, tag or rating page (and a contest form or
 * follow-up page) shows when its record is unknown or not public: the
 * not-found text inside the reader layout. Its metadata (goneMetadata) marks
 * the answer, and scripts/public-cache-headers.mjs sends it with a 404.
 *
 * Why not notFound(): in a production build it still serves an empty <body>
 * (Next 16.4.6, vercel/next.js#62228, #98295) and a reader without JavaScript
 * sees a blank page. Why not the proxy: deciding there costs a database
 * lookup per request; here the answer is cached with the page (ISR).
 *
 * The rating scale read is cached once for the whole site under the
 * `claims` and `rating-scale` tags: reading it puts both tags on this cached
 * answer, so the publish that makes the record public expires it at once.
 */
export async function PageGone() {
  await getPublicRatingScale();
  const t = await getTranslations('notFound');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('public.body')}</p>
    </>
  );
}
