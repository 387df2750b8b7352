import { getTranslations } from 'next-intl/server';

/**
 * What a claim or source page shows if its record stopped being public
 * between the proxy's check and the page's read (an edit outside the app).
 * The proxy answers every other unpublished address with the not-found page;
 * a page never calls notFound(), which renders an empty body in production.
 */
export async function PageGone() {
  const t = await getTranslations('notFound');
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('public.body')}</p>
    </>
  );
}
