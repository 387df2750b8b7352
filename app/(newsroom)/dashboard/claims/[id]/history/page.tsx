import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { requirePageActor } from '@/lib/auth/require';
import { compareVerdicts } from '@/lib/verdicts/diff';
import { findClaimHistory } from '@/lib/verdicts/history-queries';
import type { VerdictDto } from '@/lib/verdicts/queries';
import { compareVersionsSchema } from '@/lib/verdicts/schema';
import { VerdictDiff } from '@/app/(newsroom)/dashboard/review/_components/verdict-diff';
import { claimDashboardPath, verdictEditorPath, verdictStateLabel } from '@/app/(newsroom)/dashboard/review/_components/verdict-labels';
import { AuditTrail } from './audit-trail';

export const metadata: Metadata = { title: 'Claim history' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ a?: string; b?: string }> };

function Comparison({ verdicts, a, b, language }: { verdicts: VerdictDto[]; a: number; b: number; language: string }) {
  const from = verdicts.find((verdict) => verdict.number === a);
  const to = verdicts.find((verdict) => verdict.number === b);
  if (!from || !to) return <p className="form-error">Version {from ? b : a} does not exist for this claim.</p>;
  if (a === b) return <p className="banner">Choose two different versions to see what changed.</p>;
  return (
    <section aria-labelledby="diff-heading">
      <h3 id="diff-heading">
        Version {a} → version {b}
      </h3>
      <VerdictDiff comparison={compareVerdicts(from, to)} language={language} />
    </section>
  );
}

export default async function ClaimHistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/dashboard/claims/${encodeURIComponent(id)}/history`;
  const { actor, allowed } = await requirePageActor('dashboard.read', path);
  if (!allowed) return <p>Your role does not allow this.</p>;
  const history = await findClaimHistory(actor, id);
  if (!history) {
    return (
      <>
        <h1>Claim not found</h1>
        <p>
          There is no claim with this address. <Link href="/dashboard/claims">See all claims</Link>.
        </p>
      </>
    );
  }
  const { claim, verdicts, audit } = history;
  const { a, b } = compareVersionsSchema.parse(await searchParams);
  const newest = verdicts[0]?.number;
  const previous = verdicts[1]?.number;

  return (
    <>
      <h1>History</h1>
      <p>
        <strong lang={claim.language}>{claim.summary}</strong> · <Link href={claimDashboardPath(claim.id)}>Open the claim</Link>
      </p>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">Verdict versions</h2>
        {verdicts.length === 0 ? (
          <p>This claim has no verdict yet.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">State</th>
                <th scope="col">Rating</th>
                <th scope="col">Author</th>
                <th scope="col">Reviewer</th>
                <th scope="col">Dates</th>
                <th scope="col">Correction note</th>
              </tr>
            </thead>
            <tbody>
              {verdicts.map((verdict) => (
                <tr key={verdict.id}>
                  <td>
                    <Link href={verdictEditorPath(claim.id, verdict.id)}>Version {verdict.number}</Link>
                  </td>
                  <td>{verdictStateLabel[verdict.state]}</td>
                  <td>
                    {verdict.rating.labelEn} <span className="muted small" lang="fr">({verdict.rating.labelFr})</span>
                  </td>
                  <td>{verdict.author.name}</td>
                  <td>{verdict.reviewer?.name ?? '—'}</td>
                  <td className="small">
                    As of <FormattedDate value={verdict.asOf} />
                    <br />
                    Created <FormattedDate value={verdict.createdAt} withTime />
                    {verdict.submittedAt && (
                      <>
                        <br />
                        Submitted <FormattedDate value={verdict.submittedAt} withTime />
                      </>
                    )}
                    {verdict.publishedAt && (
                      <>
                        <br />
                        Published <FormattedDate value={verdict.publishedAt} withTime />
                      </>
                    )}
                    {verdict.supersededAt && (
                      <>
                        <br />
                        Superseded <FormattedDate value={verdict.supersededAt} withTime />
                      </>
                    )}
                  </td>
                  <td lang={claim.language}>{verdict.correctionNote ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {verdicts.length > 1 && (
        // Not a labelled region: its name would also match the "Version A" label.
        <section>
          <h2 id="compare-heading">Compare version A with version B</h2>
          <form method="get" action={path} className="form" aria-describedby="compare-heading">
            <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', alignItems: 'end' }}>
              <div className="field">
                <label htmlFor="compare-a">Version A</label>
                <select id="compare-a" name="a" defaultValue={String(a ?? previous ?? '')}>
                  {verdicts.map((verdict) => (
                    <option key={verdict.id} value={verdict.number}>
                      Version {verdict.number} ({verdictStateLabel[verdict.state].toLowerCase()})
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="compare-b">Version B</label>
                <select id="compare-b" name="b" defaultValue={String(b ?? newest ?? '')}>
                  {verdicts.map((verdict) => (
                    <option key={verdict.id} value={verdict.number}>
                      Version {verdict.number} ({verdictStateLabel[verdict.state].toLowerCase()})
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">Compare</button>
            </div>
          </form>
          {a !== undefined && b !== undefined && <Comparison verdicts={verdicts} a={a} b={b} language={claim.language} />}
        </section>
      )}

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit trail</h2>
        <AuditTrail events={audit} />
      </section>
    </>
  );
}
