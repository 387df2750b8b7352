import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Field } from '@/app/components/form/field';
import { FormattedDate } from '@/app/components/formatted-date';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { claimStatusLabelKey } from '@/lib/claims/labels';
import { compareVerdicts } from '@/lib/verdicts/diff';
import { findClaimHistory } from '@/lib/verdicts/history-queries';
import { verdictStateLabelKey } from '@/lib/verdicts/labels';
import type { VerdictDto } from '@/lib/verdicts/queries';
import { compareVersionsSchema } from '@/lib/verdicts/schema';
import { VerdictDiff, verdictDiffLabels } from '@/app/(newsroom)/dashboard/review/_components/verdict-diff';
import { claimDashboardPath, ratingLabelIn, verdictEditorPath } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { VerdictWhereabouts } from '../verdicts/_components/verdict-whereabouts';
import { AuditTrail } from './audit-trail';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('history');
  return { title: t('metaTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ a?: string; b?: string }> };

async function Comparison({ verdicts, a, b, language }: { verdicts: VerdictDto[]; a: number; b: number; language: string }) {
  const [t, labels] = await Promise.all([getTranslations('history.compare'), verdictDiffLabels()]);
  const from = verdicts.find((verdict) => verdict.number === a);
  const to = verdicts.find((verdict) => verdict.number === b);
  if (!from || !to) return <p className="form-error">{t('missingVersion', { number: from ? b : a })}</p>;
  if (a === b) return <p className="banner">{t('sameVersion')}</p>;
  return (
    <section aria-labelledby="diff-heading">
      <h3 id="diff-heading">{t('diffHeading', { a, b })}</h3>
      <VerdictDiff
        comparison={compareVerdicts(from, to, labels)}
        language={language}
        fromLabel={t('version', { number: a })}
        toLabel={t('version', { number: b })}
      />
    </section>
  );
}

/** One verdict version: its state (and, for a draft sent back, with whom it is), rating, people and dates. */
async function VersionCard({ claimId, verdict, language }: { claimId: string; verdict: VerdictDto; language: string }) {
  const [t, tAll, locale] = await Promise.all([getTranslations('history.versions'), getTranslations(), getLocale()]);
  const latestReview = verdict.reviews[0];
  const sentBack = verdict.state === 'DRAFT' && latestReview?.decision === 'CHANGES_REQUESTED' ? latestReview : null;
  const dates: { key: 'asOf' | 'created' | 'submitted' | 'published' | 'superseded'; value: string | null; withTime: boolean }[] = [
    { key: 'asOf', value: verdict.asOf, withTime: false },
    { key: 'created', value: verdict.createdAt, withTime: true },
    { key: 'submitted', value: verdict.submittedAt, withTime: true },
    { key: 'published', value: verdict.publishedAt, withTime: true },
    { key: 'superseded', value: verdict.supersededAt, withTime: true },
  ];
  return (
    <li>
      <h3>
        <Link href={verdictEditorPath(claimId, verdict.id)}>{t('version', { number: verdict.number })}</Link>{' '}
        <span className="muted small">· {tAll(verdictStateLabelKey(verdict.state))}</span>
      </h3>
      {sentBack && (
        <p className="small">
          {t.rich('sentBack', { author: verdict.author.name, reviewer: sentBack.reviewerName, date: () => <FormattedDate value={sentBack.createdAt} withTime /> })}
        </p>
      )}
      <dl className="meta">
        <dt>{t('rating')}</dt>
        <dd>{ratingLabelIn(verdict.rating, locale)}</dd>
        <dt>{t('author')}</dt>
        <dd>{verdict.author.name}</dd>
        <dt>{t('reviewer')}</dt>
        <dd>{verdict.reviewer?.name ?? '—'}</dd>
        <dt>{t('dates')}</dt>
        <dd>
          {dates
            .filter((date) => date.value)
            .map((date, index) => (
              <span key={date.key}>
                {index > 0 && <br />}
                {t.rich(`date.${date.key}`, { date: () => date.value && <FormattedDate value={date.value} withTime={date.withTime} /> })}
              </span>
            ))}
        </dd>
        <dt>{t('correctionNote')}</dt>
        <dd lang={verdict.correctionNote ? language : undefined}>{verdict.correctionNote ?? '—'}</dd>
      </dl>
    </li>
  );
}

export default async function ClaimHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/dashboard/claims/${encodeURIComponent(id)}/history`;
  const { actor, allowed } = await requirePageActor('dashboard.read', path);
  if (!allowed) return <NotAllowed />;
  const history = await findClaimHistory(actor, id);
  if (!history) return <RecordNotFound kind="claim" />;
  const [t, tAll, locale] = await Promise.all([getTranslations('history'), getTranslations(), getLocale()]);
  const { claim, verdicts, audit } = history;
  const { a, b } = compareVersionsSchema.parse(await searchParams);
  const newest = verdicts[0]?.number;
  const previous = verdicts[1]?.number;
  const option = (verdict: VerdictDto) =>
    t('compare.option', { number: verdict.number, state: tAll(verdictStateLabelKey(verdict.state)).toLocaleLowerCase(locale) });

  return (
    <>
      <h1>{t('heading')}</h1>
      <p>
        <strong lang={claim.language}>{claim.summary}</strong> · {tAll(claimStatusLabelKey(claim.status))} ·{' '}
        <Link href={claimDashboardPath(claim.id)}>{t('openClaim')}</Link>
      </p>
      <VerdictWhereabouts claimId={claim.id} verdict={claim.verdictInProgress} />

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('versions.heading')}</h2>
        {verdicts.length === 0 ? (
          <p>{t('versions.empty')}</p>
        ) : (
          <ol className="quote-list">
            {verdicts.map((verdict) => (
              <VersionCard key={verdict.id} claimId={claim.id} verdict={verdict} language={claim.language} />
            ))}
          </ol>
        )}
      </section>

      {verdicts.length > 1 && (
        // Not a labelled region: its name would also match the "Version A" label.
        <section>
          <h2 id="compare-heading">{t('compare.heading')}</h2>
          <form method="get" action={path} className="form" aria-describedby="compare-heading">
            <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
              {(
                [
                  ['a', a ?? previous],
                  ['b', b ?? newest],
                ] as const
              ).map(([name, selected]) => (
                <Field key={name} id={`compare-${name}`} name={name} label={t(`compare.${name}`)}>
                  {(control) => (
                    <select {...control} defaultValue={String(selected ?? '')}>
                      {verdicts.map((verdict) => (
                        <option key={verdict.id} value={verdict.number}>
                          {option(verdict)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ))}
              <button type="submit">{t('compare.submit')}</button>
            </div>
          </form>
          {a !== undefined && b !== undefined && <Comparison verdicts={verdicts} a={a} b={b} language={claim.language} />}
        </section>
      )}

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('audit.heading')}</h2>
        <AuditTrail events={audit} />
      </section>
    </>
  );
}
