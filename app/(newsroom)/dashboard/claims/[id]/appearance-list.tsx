import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { appearanceStanceLabelKey } from '@/lib/claims/labels';
import type { EditorQuote } from '@/lib/claims/dashboard-queries';
import { RemoveAppearanceButton } from './remove-buttons';

/** The claim editor's "Appearances": each quote, where and by whom it was made, and its Remove button while the claim was never published. */
export async function AppearanceList({ appearances, mayRemove, published }: { appearances: EditorQuote[]; mayRemove: boolean; published: boolean }) {
  const t = await getTranslations('claimEditor.appearances');
  const labels = await getTranslations();
  return (
    <section aria-labelledby="appearances-heading" id="appearances">
      <h2 id="appearances-heading">{t('heading')}</h2>
      {appearances.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="quote-list">
          {appearances.map((appearance) => (
            <li key={appearance.id}>
              <blockquote lang="fr">«&nbsp;{appearance.quote.exact}&nbsp;»</blockquote>
              {/* A <div>: the Remove button's <form> may not sit inside a <p> (the
                  browser would close the paragraph, and hydration would fail). */}
              <div className="small">
                <Link href={`/dashboard/sources/${encodeURIComponent(appearance.source.id)}`}>{appearance.source.title ?? t('untitledSource')}</Link>
                {appearance.source.publisher && ` (${appearance.source.publisher})`} · {appearance.speaker.name}{' '}
                {labels(appearanceStanceLabelKey(appearance.stance))} · {t('characters', { start: appearance.quote.start, end: appearance.quote.end })}{' '}
                {mayRemove && <RemoveAppearanceButton appearanceId={appearance.id} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {published && appearances.length > 0 && <p className="muted small">{t('publishedKept')}</p>}
    </section>
  );
}
