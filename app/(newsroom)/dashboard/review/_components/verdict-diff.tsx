import type { CSSProperties } from 'react';
import { FormattedDate } from '@/app/components/formatted-date';
import type { DiffLine, DiffPart, VerdictComparison } from '@/lib/verdicts/diff';

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

function Lines({ lines, lang }: { lines: DiffLine[]; lang: string }) {
  if (lines.length === 0) return <p className="muted">(empty)</p>;
  return (
    <ol style={linesStyle} lang={lang}>
      {lines.map((line, index) => (
        <li key={index}>
          {line.change === 'added' ? (
            <ins style={{ ...insStyle, display: 'block' }}>
              <span aria-hidden="true">+ </span>
              <span style={visuallyHidden}>Added: </span>
              {line.text || ' '}
            </ins>
          ) : line.change === 'removed' ? (
            <del style={{ ...delStyle, display: 'block' }}>
              <span aria-hidden="true">− </span>
              <span style={visuallyHidden}>Removed: </span>
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

export function Unchanged() {
  return <span className="muted small"> (unchanged)</span>;
}

/** A word-by-word diff of a short text; also used by claim-revision-diff.tsx. */
export function WordDiff({ parts, lang }: { parts: DiffPart[]; lang: string }) {
  return (
    <p lang={lang}>
      {parts.map((part, index) =>
        part.change === 'added' ? (
          <ins key={index} style={insStyle}>
            <span style={visuallyHidden}>[added: </span>
            {part.value}
            <span style={visuallyHidden}>]</span>
          </ins>
        ) : part.change === 'removed' ? (
          <del key={index} style={delStyle}>
            <span style={visuallyHidden}>[removed: </span>
            {part.value}
            <span style={visuallyHidden}>]</span>
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}

/** What changed from one verdict version to another; `from` is null for a first verdict. */
export function VerdictDiff({ comparison, language }: { comparison: VerdictComparison; language: string }) {
  const { rating, headline, explanation, asOf, evidence } = comparison;
  return (
    <div>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{comparison.fromNumber === null ? 'Before' : `Version ${comparison.fromNumber}`}</th>
            <th scope="col">Version {comparison.toNumber}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Rating{!rating.changed && <Unchanged />}</th>
            <td>{rating.before ?? '—'}</td>
            <td>{rating.changed ? <ins style={insStyle}>{rating.after}</ins> : rating.after}</td>
          </tr>
          <tr>
            <th scope="row">As of{!asOf.changed && <Unchanged />}</th>
            <td>{asOf.before ? <FormattedDate value={asOf.before} /> : '—'}</td>
            <td>{asOf.changed ? <ins style={insStyle}><FormattedDate value={asOf.after} /></ins> : <FormattedDate value={asOf.after} />}</td>
          </tr>
        </tbody>
      </table>
      <h3>Headline{!headline.changed && <Unchanged />}</h3>
      <WordDiff parts={headline.parts} lang={language} />
      <h3>Explanation, line by line{!explanation.changed && <Unchanged />}</h3>
      <Lines lines={explanation.lines} lang={language} />
      <h3>Evidence{!evidence.changed && <Unchanged />}</h3>
      <Lines lines={evidence.lines} lang={language} />
    </div>
  );
}
