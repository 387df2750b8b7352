import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { appearanceStanceLabelKey } from '@/lib/claims/labels';
import type { ClaimRevisionDto } from '@/lib/claims/revision-queries';
import type { ValueComparison } from '@/lib/claims/revision-diff';
import { insStyle, Unchanged, WordDiff } from './verdict-diff';
import { sourceDashboardPath } from './verdict-labels';

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
export async function ClaimRevisionDiff({ revision }: { revision: ClaimRevisionDto }) {
  const t = await getTranslations();
  const { comparison, proposal } = revision;
  const sourceLabel = (source: { title: string | null; publisher: string | null }) => {
    const title = source.title ?? t('review.untitledSource');
    return source.publisher ? t('review.sourceWithPublisher', { title, publisher: source.publisher }) : title;
  };
  return (
    <div>
      <h3>
        {t('review.revisionDiff.summary')}
        {!comparison.summary.changed && <Unchanged />}
      </h3>
      <WordDiff parts={comparison.summary.parts} lang={proposal.language} />
      <h3>
        {t('review.revisionDiff.text')}
        {!comparison.text.changed && <Unchanged />}
      </h3>
      <WordDiff parts={comparison.text.parts} lang={proposal.language} />
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('review.diff.field')}</th>
            <th scope="col">{t('review.revisionDiff.published')}</th>
            <th scope="col">{t('review.revisionDiff.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          <ValueRow label={t('review.revisionDiff.claimant')} value={comparison.claimant} />
          <ValueRow label={t('review.revisionDiff.claimedAt')} value={comparison.claimedAt} date />
          <ValueRow label={t('review.revisionDiff.language')} value={comparison.language} />
        </tbody>
      </table>
      <h3>
        {t('review.revisionDiff.quotesToAdd')}
        {revision.appearances.length === 0 && <Unchanged />}
      </h3>
      {revision.appearances.length === 0 ? (
        <p className="muted">{t('review.revisionDiff.noQuote')}</p>
      ) : (
        <ul className="quote-list">
          {revision.appearances.map((appearance) => (
            <li key={appearance.id}>
              <ins style={{ ...insStyle, display: 'block' }}>
                <blockquote lang={proposal.language}>« {appearance.quote.exact} »</blockquote>
              </ins>
              <p className="small">
                {t('review.revisionDiff.quoteDetails', {
                  source: sourceLabel(appearance.source),
                  speaker: appearance.speaker.name,
                  stance: t(appearanceStanceLabelKey(appearance.stance)),
                  start: appearance.quote.start,
                  end: appearance.quote.end,
                })}{' '}
                · {/* A proposed quote is not highlighted in its source until approved: the link opens the source at its top. */}
                <Link href={sourceDashboardPath(appearance.source.id)}>{t('review.revisionDiff.openSource')}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
