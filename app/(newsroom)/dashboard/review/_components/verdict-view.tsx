import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { evidenceStanceLabel } from '@/lib/claims/labels';
import { renderMarkdown } from '@/lib/markdown/render';
import type { VerdictDto } from '@/lib/verdicts/queries';
import { dashboardRatingBadge, verdictStateLabel } from './verdict-labels';

/** A verdict as the newsroom reads it: rendered exactly as the public page will render it. */
export function VerdictView({ verdict, language }: { verdict: VerdictDto; language: string }) {
  return (
    <div className="verdict">
      <p>
        <RatingBadge rating={dashboardRatingBadge(verdict.rating)} />{' '}
        <span className="muted small">
          Version {verdict.number} · {verdictStateLabel[verdict.state]} · as of <FormattedDate value={verdict.asOf} /> · by {verdict.author.name}
          {verdict.reviewer && <> · approved by {verdict.reviewer.name}</>}
        </span>
      </p>
      <p className="verdict-headline" lang={language}>
        {verdict.headline}
      </p>
      <div lang={language} dangerouslySetInnerHTML={{ __html: renderMarkdown(verdict.explanation) }} />
      {verdict.correctionNote && (
        <p>
          <strong>Correction note:</strong> <span lang={language}>{verdict.correctionNote}</span>
        </p>
      )}
      <h3>Evidence</h3>
      {verdict.evidence.length === 0 ? (
        <p className="muted">No evidence yet.</p>
      ) : (
        <ul className="quote-list">
          {verdict.evidence.map((evidence) => (
            <li key={evidence.id}>
              <strong>{evidenceStanceLabel[evidence.stance]}</strong> — <span lang={language}>{evidence.sourceTitle ?? 'Untitled source'}</span>
              {evidence.quote && <blockquote lang={language}>« {evidence.quote.exact} »</blockquote>}
              {evidence.note && (
                <p className="small" lang={language}>
                  {evidence.note}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
