import { FormattedDate } from '@/app/components/formatted-date';
import { appearanceStanceLabel } from '@/lib/claims/labels';
import type { ClaimRevisionDto } from '@/lib/claims/revision-queries';
import type { ValueComparison } from '@/lib/claims/revision-diff';
import { insStyle, Unchanged, WordDiff } from './verdict-diff';

function ValueRow({ label, value, date = false }: { label: string; value: ValueComparison; date?: boolean }) {
  const show = (text: string | null) => (text === null ? '—' : date ? <FormattedDate value={text} /> : text);
  return (
    <tr>
      <th scope="row">
        {label}
        {!value.changed && <Unchanged />}
      </th>
      <td>{show(value.before)}</td>
      <td>{value.changed ? <ins style={insStyle}>{show(value.after)}</ins> : show(value.after)}</td>
    </tr>
  );
}

/** What a revision changes in the published claim: word by word for the texts, before and after for the rest, and the quotes it adds. */
export function ClaimRevisionDiff({ revision }: { revision: ClaimRevisionDto }) {
  const { comparison, proposal } = revision;
  return (
    <div>
      <h3>Summary{!comparison.summary.changed && <Unchanged />}</h3>
      <WordDiff parts={comparison.summary.parts} lang={proposal.language} />
      <h3>Claim as made{!comparison.text.changed && <Unchanged />}</h3>
      <WordDiff parts={comparison.text.parts} lang={proposal.language} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Published</th>
            <th scope="col">Proposed</th>
          </tr>
        </thead>
        <tbody>
          <ValueRow label="Claimant" value={comparison.claimant} />
          <ValueRow label="Claimed on" value={comparison.claimedAt} date />
          <ValueRow label="Language" value={comparison.language} />
        </tbody>
      </table>
      <h3>Quotes to add{revision.appearances.length === 0 && <Unchanged />}</h3>
      {revision.appearances.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="quote-list">
          {revision.appearances.map((appearance) => (
            <li key={appearance.id}>
              <ins style={{ ...insStyle, display: 'block' }}>
                <blockquote lang={proposal.language}>« {appearance.quote.exact} »</blockquote>
              </ins>
              <p className="small">
                {appearance.source.title ?? 'Untitled source'}
                {appearance.source.publisher && ` (${appearance.source.publisher})`} · {appearance.speaker.name} {appearanceStanceLabel[appearance.stance]} ·
                characters {appearance.quote.start}–{appearance.quote.end}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
