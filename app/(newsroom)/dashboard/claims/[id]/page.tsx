import type { Metadata } from 'next';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { requirePageActor } from '@/lib/auth/require';
import { listClaimantOptions } from '@/lib/claimants/queries';
import { appearanceStanceLabel, relationLabel } from '@/lib/claims/labels';
import { findClaimForEditor, findSourceForQuoting, listRelationCandidates, listSourceOptions } from '@/lib/claims/dashboard-queries';
import { findClaimRevisionsForEditor } from '@/lib/claims/revision-queries';
import { claimStatusLabel } from '@/lib/claims/schema';
import { can } from '@/lib/permissions';
import { findVerdictInProgress } from '@/lib/verdicts/queries';
import { AppearanceForm } from './appearance-form';
import { ArchiveForm } from './archive-form';
import { ClaimForm } from './claim-form';
import { RelationForm } from './relation-form';
import { RemoveAppearanceButton, RemoveRelationButton } from './remove-buttons';
import { RevisionPanel } from './revision-panel';
import { VerdictWhereabouts } from './verdicts/_components/verdict-whereabouts';

export const metadata: Metadata = { title: 'Edit claim' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ source?: string | string[]; created?: string }> };

const verdictStateLabel: Record<string, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted for review',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
};

export default async function ClaimEditorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { source: sourceParam, created } = await searchParams;
  const path = `/dashboard/claims/${encodeURIComponent(id)}`;
  const { actor, allowed } = await requirePageActor('dashboard.read', path);
  if (!allowed) return <p>Your role does not allow this.</p>;

  const claim = await findClaimForEditor(actor, id);
  if (!claim) {
    return (
      <>
        <h1>Claim not found</h1>
        <p>
          There is no claim with this address. <Link href="/dashboard/claims">See all claims</Link>.
        </p>
      </>
    );
  }

  const revisions = claim.hasBeenPublished ? await findClaimRevisionsForEditor(actor, claim.id) : { open: null, recent: [] };
  const myRevision = revisions.open?.author.id === actor.id ? revisions.open : null;
  // One open revision per claim: another editor's must be decided before anyone proposes another.
  const othersRevision = revisions.open && !myRevision ? revisions.open : null;
  const mayEdit = can(actor, 'claim.update') && claim.status !== 'ARCHIVED' && !othersRevision;
  const mayAddAppearance = can(actor, 'appearance.create') && claim.status !== 'ARCHIVED' && !othersRevision;
  // The author's open revision is what their form edits.
  const editing = myRevision?.proposal ?? claim;
  // The forms show the author's revision while it is open, the claim once it is withdrawn or decided.
  const formResetKey = myRevision?.id ?? 'claim';
  const requestedSourceId = typeof sourceParam === 'string' ? sourceParam : undefined;
  const [sources, speakers, selectedSource, candidates, verdictInProgress] = await Promise.all([
    mayAddAppearance ? listSourceOptions(actor) : [],
    mayAddAppearance ? listClaimantOptions(actor) : [],
    mayAddAppearance && requestedSourceId ? findSourceForQuoting(actor, requestedSourceId) : null,
    can(actor, 'relation.create') ? listRelationCandidates(actor, claim.id) : [],
    findVerdictInProgress(actor, claim.id),
  ]);

  return (
    <>
      <p className="muted small">
        <Link href="/dashboard/claims">Claims</Link> › {claimStatusLabel[claim.status]}
      </p>
      <h1>
        Claim: <span lang={claim.language}>{claim.summary}</span>
      </h1>
      {created && (
        <p className="form-success" role="status">
          Claim created as a draft. Add where it appears, then write its verdict.
        </p>
      )}
      {claim.status === 'ARCHIVED' && (
        <div className="banner" role="note">
          <strong>Archived</strong>
          {claim.archivedAt && (
            <>
              {' '}
              on <FormattedDate value={claim.archivedAt} withTime />
            </>
          )}
          {claim.archiveReason ? <span lang={claim.language}>: {claim.archiveReason}</span> : '.'}{' '}
          {claim.publicPath ? 'Its public page keeps working, with this reason.' : 'It was never published.'}
        </div>
      )}
      <dl className="meta">
        <dt>Status</dt>
        <dd>
          {claimStatusLabel[claim.status]}
          {/* The status alone does not say where the verdict is (lib/claims/status.ts). */}
          <VerdictWhereabouts claimId={claim.id} verdict={verdictInProgress} />
        </dd>
        <dt>Slug</dt>
        <dd>
          <code>{claim.slug}</code>
          {claim.publicPath ? ' (public: it never changes)' : ' (follows the summary until the claim is published)'}
        </dd>
        {claim.publicPath && (
          <>
            <dt>Public page</dt>
            <dd>
              <Link href={claim.publicPath}>{claim.publicPath}</Link>
            </dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <FormattedDate value={claim.createdAt} withTime />
          {claim.createdBy && ` by ${claim.createdBy}`}
        </dd>
        <dt>Last updated</dt>
        <dd>
          <FormattedDate value={claim.updatedAt} withTime />
          {claim.updatedBy && ` by ${claim.updatedBy}`} · <Link href={`${path}/history`}>History</Link>
        </dd>
      </dl>

      <RevisionPanel revisions={revisions} actorId={actor.id} mayReview={can(actor, 'claim.review')} />

      <section aria-labelledby="claim-heading">
        <h2 id="claim-heading">The claim</h2>
        {othersRevision && (
          <p className="banner" role="note">
            {othersRevision.author.name}’s revision of this claim is waiting for review: you can propose another change once it is approved, rejected
            or withdrawn.
          </p>
        )}
        {mayEdit ? (
          <ClaimForm
            initial={{
              id: claim.id,
              version: claim.version,
              text: editing.text,
              summary: editing.summary,
              claimant: editing.claimant,
              claimedAt: editing.claimedAt ?? '',
              language: editing.language,
              tags: claim.tags.join(', '),
            }}
            review={claim.hasBeenPublished ? { revision: myRevision && { id: myRevision.id, version: myRevision.version, note: myRevision.note } } : null}
            resetKey={formResetKey}
          />
        ) : (
          <>
            <blockquote className="claim-text" lang={claim.language}>
              {claim.text}
            </blockquote>
            <p>
              By <strong>{claim.claimant.name}</strong>
              {claim.claimedAt && (
                <>
                  {' '}
                  on <FormattedDate value={claim.claimedAt} />
                </>
              )}
              {claim.tags.length > 0 && <span className="muted"> · {claim.tags.join(', ')}</span>}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="verdicts-heading">
        <h2 id="verdicts-heading">Verdicts</h2>
        {claim.verdicts.length === 0 ? (
          <p className="muted">No verdict yet.</p>
        ) : (
          <ul className="plain-list">
            {claim.verdicts.map((verdict) => (
              <li key={verdict.id}>
                <Link href={`${path}/verdicts/${encodeURIComponent(verdict.id)}`}>
                  Version {verdict.number}: <span lang={claim.language}>{verdict.headline}</span>
                </Link>{' '}
                <RatingBadge rating={verdict.rating} /> <span className="muted small">{verdictStateLabel[verdict.state] ?? verdict.state}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          {can(actor, 'verdict.draft') && claim.status !== 'ARCHIVED' && (
            <>
              <Link href={`${path}/verdicts/new`}>New verdict</Link> ·{' '}
            </>
          )}
          <Link href={`${path}/history`}>History of this claim</Link>
        </p>
      </section>

      <section aria-labelledby="appearances-heading" id="appearances">
        <h2 id="appearances-heading">Appearances</h2>
        {claim.appearances.length === 0 ? (
          <p className="muted">No appearance yet: add the passage of a source where the claim was made.</p>
        ) : (
          <ul className="quote-list">
            {claim.appearances.map((appearance) => (
              <li key={appearance.id}>
                <blockquote lang="fr">« {appearance.quote.exact} »</blockquote>
                {/* A <div>: the Remove button's <form> may not sit inside a <p> (the
                    browser would close the paragraph, and hydration would fail). */}
                <div className="small">
                  <Link href={`/dashboard/sources/${encodeURIComponent(appearance.source.id)}`}>{appearance.source.title ?? 'Untitled source'}</Link>
                  {appearance.source.publisher && ` (${appearance.source.publisher})`} · {appearance.speaker.name} {appearanceStanceLabel[appearance.stance]} ·
                  characters {appearance.quote.start}–{appearance.quote.end}{' '}
                  {can(actor, 'appearance.delete') && !claim.hasBeenPublished && <RemoveAppearanceButton appearanceId={appearance.id} />}
                </div>
              </li>
            ))}
          </ul>
        )}
        {claim.publicPath && claim.appearances.length > 0 && (
          <p className="muted small">This claim has been published: its quotes stay on the record and cannot be removed.</p>
        )}
      </section>

      {/* Its own region, outside "Appearances": the archived text shown for
          selecting would otherwise repeat every quote of the list. */}
      {mayAddAppearance && (
        <section aria-labelledby="add-appearance">
          <h2 id="add-appearance">New appearance</h2>
          <AppearanceForm
            claimId={claim.id}
            defaultSpeakerId={claim.claimant.id}
            sources={sources}
            selectedSource={selectedSource}
            speakers={speakers}
            review={claim.hasBeenPublished ? { note: myRevision?.note ?? '' } : null}
            resetKey={formResetKey}
          />
        </section>
      )}

      <section aria-labelledby="relations-heading">
        <h2 id="relations-heading">Related claims</h2>
        {claim.relations.length === 0 ? (
          <p className="muted">Not linked to any other claim.</p>
        ) : (
          <ul className="plain-list">
            {claim.relations.map((relation) => (
              <li key={relation.id}>
                {relationLabel(relation.type, relation.direction)}{' '}
                <Link href={`/dashboard/claims/${encodeURIComponent(relation.claim.id)}`} lang="fr">
                  {relation.claim.summary}
                </Link>{' '}
                <span className="muted small">({claimStatusLabel[relation.claim.status]})</span>
                {relation.note && (
                  <span className="muted" lang="fr">
                    {' '}
                    — {relation.note}
                  </span>
                )}{' '}
                {can(actor, 'relation.delete') && <RemoveRelationButton relationId={relation.id} />}
              </li>
            ))}
          </ul>
        )}
        {can(actor, 'relation.create') && (
          <>
            <h3>Link another claim</h3>
            <RelationForm claimId={claim.id} candidates={candidates} />
          </>
        )}
      </section>

      {can(actor, 'claim.archive') && claim.status !== 'ARCHIVED' && (
        <section aria-labelledby="archive-heading">
          <h2 id="archive-heading">Archive</h2>
          <p className="muted">
            Archiving takes the claim out of the lists. {claim.publicPath ? 'Its public page keeps working, with a banner and your reason.' : ''}
          </p>
          <ArchiveForm claimId={claim.id} version={claim.version} />
        </section>
      )}
    </>
  );
}
