import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { evidenceStanceLabelKey } from '@/lib/claims/labels';
import { renderMarkdown } from '@/lib/markdown/render';
import { verdictStateLabelKey } from '@/lib/verdicts/labels';
import type { VerdictDto } from '@/lib/verdicts/queries';
import { dashboardRatingBadge, sourceDashboardPath, sourcePassagePath } from './verdict-labels';

/**
 * A verdict as the newsroom reads it: rendered exactly as the public page will
 * render it, each evidence row linked to its passage in the archived source.
 */
export async function VerdictView({ verdict, language }: { verdict: VerdictDto; language: string }) {
  const t = await getTranslations();
  return (
    <div className="verdict">
      <p>
        <RatingBadge rating={dashboardRatingBadge(verdict.rating)} link={false} />{' '}
        <span className="muted small">
          {t.rich('review.view.meta', {
            number: verdict.number,
            state: t(verdictStateLabelKey(verdict.state)),
            author: verdict.author.name,
            date: () => <FormattedDate value={verdict.asOf} />,
          })}
          {verdict.reviewer && <> · {t('review.view.approvedBy', { reviewer: verdict.reviewer.name })}</>}
        </span>
      </p>
      <p className="verdict-headline" lang={language}>
        {verdict.headline}
      </p>
      <div lang={language} dangerouslySetInnerHTML={{ __html: renderMarkdown(verdict.explanation) }} />
      {verdict.correctionNote && (
        <p>
          <strong>{t('review.view.correctionNote')}</strong> <span lang={language}>{verdict.correctionNote}</span>
        </p>
      )}
      <h3>{t('review.view.evidence')}</h3>
      {verdict.evidence.length === 0 ? (
        <p className="muted">{t('review.view.noEvidence')}</p>
      ) : (
        <ul className="quote-list">
          {verdict.evidence.map((evidence) => (
            <li key={evidence.id}>
              <strong>{t(evidenceStanceLabelKey(evidence.stance))}</strong> —{' '}
              <span lang={language}>{evidence.sourceTitle ?? t('review.untitledSource')}</span>
              {evidence.quote && <blockquote lang={language}>« {evidence.quote.exact} »</blockquote>}
              {evidence.note && (
                <p className="small" lang={language}>
                  {evidence.note}
                </p>
              )}
              <p className="small">
                {evidence.quote ? (
                  <Link href={sourcePassagePath(evidence.sourceId, evidence.id)}>{t('review.view.seePassage')}</Link>
                ) : (
                  <Link href={sourceDashboardPath(evidence.sourceId)}>{t('review.view.openSource')}</Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
