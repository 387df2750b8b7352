import { getLocale, getTranslations } from 'next-intl/server';
import type { CSSProperties, ReactNode } from 'react';
import { FormattedDate } from '@/app/components/formatted-date';
import { evidenceStanceLabelKey } from '@/lib/claims/labels';
import type { DiffLine, DiffPart, VerdictComparison, VerdictDiffLabels } from '@/lib/verdicts/diff';
import { ratingLabelIn } from './verdict-labels';

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};
export const insStyle: CSSProperties = { background: '#dafbe1', textDecoration: 'none' };
const delStyle: CSSProperties = { background: '#ffebe9' };
const linesStyle: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  fontSize: '0.9rem',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  border: '1px solid var(--line)',
  borderRadius: 6,
  padding: '0.5rem',
  margin: 0,
  listStyle: 'none',
};

/** How the comparison words ratings and evidence rows: in the interface language. */
export async function verdictDiffLabels(): Promise<VerdictDiffLabels> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return {
    rating: (rating) => ratingLabelIn(rating, locale),
    stance: (stance) => t(evidenceStanceLabelKey(stance)),
    untitledSource: t('review.untitledSource'),
  };
}

async function Lines({ lines, lang }: { lines: DiffLine[]; lang: string }) {
  const t = await getTranslations('review.diff');
  if (lines.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <ol style={linesStyle} lang={lang}>
      {lines.map((line, index) => (
        <li key={index}>
          {line.change === 'added' ? (
            <ins style={{ ...insStyle, display: 'block' }}>
              <span aria-hidden="true">+ </span>
              <span style={visuallyHidden}>{t('addedLine')} </span>
              {line.text || ' '}
            </ins>
          ) : line.change === 'removed' ? (
            <del style={{ ...delStyle, display: 'block' }}>
              <span aria-hidden="true">− </span>
              <span style={visuallyHidden}>{t('removedLine')} </span>
              {line.text || ' '}
            </del>
          ) : (
            <span style={{ display: 'block' }}>
              <span aria-hidden="true">{'  '}</span>
              {line.text || ' '}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}

export async function Unchanged() {
  const t = await getTranslations('review.diff');
  return <span className="muted small"> {t('unchanged')}</span>;
}

/** A word-by-word diff of a short text; also used by claim-revision-diff.tsx. */
export async function WordDiff({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  const t = await getTranslations('review.diff');
  return (
    <p lang={lang}>
      {parts.map((part, index) =>
        part.change === 'added' ? (
          <ins key={index} style={insStyle}>
            <span style={visuallyHidden}>{t('addedWordsStart')}</span>
            {part.value}
            <span style={visuallyHidden}>{t('wordsEnd')}</span>
          </ins>
        ) : part.change === 'removed' ? (
          <del key={index} style={delStyle}>
            <span style={visuallyHidden}>{t('removedWordsStart')}</span>
            {part.value}
            <span style={visuallyHidden}>{t('wordsEnd')}</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}

/**
 * What changed from one verdict version to another. The columns are named by
 * the page: "Version 1" and "Version 2", or "Sent back" and "Resubmitted" when
 * one version of the same verdict is compared with its earlier state.
 */
export async function VerdictDiff({ comparison, language, fromLabel, toLabel }: { comparison: VerdictComparison; language: string; fromLabel: ReactNode; toLabel: ReactNode }) {
  const t = await getTranslations('review.diff');
  const { rating, headline, explanation, asOf, evidence } = comparison;
  return (
    <div>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{fromLabel}</th>
            <th scope="col">{toLabel}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {t('rating')}
              {!rating.changed && <Unchanged />}
            </th>
            <td>{rating.before ?? '—'}</td>
            <td>{rating.changed ? <ins style={insStyle}>{rating.after}</ins> : rating.after}</td>
          </tr>
          <tr>
            <th scope="row">
              {t('asOf')}
              {!asOf.changed && <Unchanged />}
            </th>
            <td>{asOf.before ? <FormattedDate value={asOf.before} /> : '—'}</td>
            <td>
              {asOf.changed ? (
                <ins style={insStyle}>
                  <FormattedDate value={asOf.after} />
                </ins>
              ) : (
                <FormattedDate value={asOf.after} />
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <h3>
        {t('headline')}
        {!headline.changed && <Unchanged />}
      </h3>
      <WordDiff parts={headline.parts} lang={language} />
      <h3>
        {t('explanation')}
        {!explanation.changed && <Unchanged />}
      </h3>
      <Lines lines={explanation.lines} lang={language} />
      <h3>
        {t('evidence')}
        {!evidence.changed && <Unchanged />}
      </h3>
      <Lines lines={evidence.lines} lang={language} />
    </div>
  );
}
