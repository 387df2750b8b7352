import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { NotAllowed, RecordNotFound } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { listClaimantOptions } from '@/lib/claimants/queries';
import { claimStatusLabelKey } from '@/lib/claims/labels';
import { findClaimForEditor, findSourceForQuoting, listRelationCandidates, listSourceOptions } from '@/lib/claims/dashboard-queries';
import { findClaimRevisionsForEditor } from '@/lib/claims/revision-queries';
import { pickMessages } from '@/lib/i18n/client-messages';
import { can } from '@/lib/permissions';
import { type VerdictStateLabelValue, verdictStateLabelKey } from '@/lib/verdicts/labels';
import { findVerdictInProgress } from '@/lib/verdicts/queries';
import { AppearanceForm } from './appearance-form';
import { appearanceFormSuggestions } from './appearance-suggestions';
import { AppearanceList } from './appearance-list';
import { ArchiveForm } from './archive-form';
import { ClaimForm } from './claim-form';
import { claimEditorClientMessages } from './client-messages';
import { PossibleDuplicatesSection } from './possible-duplicates-section';
import { RelationList } from './relation-list';
import { RevisionPanel } from './revision-panel';
import { VerdictWhereabouts } from './verdicts/_components/verdict-whereabouts';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claimEditor');
  return { title: t('metaTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const verdictStates: readonly string[] = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'SUPERSEDED'] satisfies VerdictStateLabelValue[];
const isVerdictState = (state: string): state is VerdictStateLabelValue => verdictStates.includes(state);

export default async function ClaimEditorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const { source: sourceParam, created } = query;
  const path = `/dashboard/claims/${encodeURIComponent(id)}`;
  const { actor, allowed } = await requirePageActor('dashboard.read', path);
  if (!allowed) return <NotAllowed />;

  const claim = await findClaimForEditor(actor, id);
  if (!claim) return <RecordNotFound kind="claim" />;

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
    can(actor, 'relation.create') ? listRelationCandidates(actor, claim.id) : null,
    findVerdictInProgress(actor, claim.id),
  ]);
  const t = await getTranslations('claimEditor');
  const labels = await getTranslations();
  const status = labels(claimStatusLabelKey(claim.status));

  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), claimEditorClientMessages)}>
      <p className="muted small">
        <Link href="/dashboard/claims">{t('breadcrumb')}</Link> › {status}
      </p>
      <h1>{t.rich('heading', { summary: () => <span lang={claim.language}>{claim.summary}</span> })}</h1>
      {created && (
        <p className="form-success" role="status">
          {t('created')}
        </p>
      )}
      {claim.status === 'ARCHIVED' && (
        <div className="banner" role="note">
          <strong>{t('archived.label')}</strong>
          {claim.archivedAt && <> {t.rich('archived.on', { date: () => <FormattedDate value={claim.archivedAt ?? ''} withTime /> })}</>}
          {claim.archiveReason ? t.rich('archived.reason', { reason: () => <span lang={claim.language}>{claim.archiveReason}</span> }) : '.'}{' '}
          {claim.publicPath ? t('archived.public') : t('archived.neverPublished')}
        </div>
      )}
      <dl className="meta">
        <dt>{t('meta.status')}</dt>
        <dd>
          {status}
          {/* The status alone does not say where the verdict is (lib/claims/status.ts). */}
          <VerdictWhereabouts claimId={claim.id} verdict={verdictInProgress} />
        </dd>
        <dt>{t('meta.slug')}</dt>
        <dd>
          <code>{claim.slug}</code> {claim.publicPath ? t('meta.slugPublic') : t('meta.slugDraft')}
        </dd>
        {claim.publicPath && (
          <>
            <dt>{t('meta.publicPage')}</dt>
            <dd>
              <Link href={claim.publicPath}>{claim.publicPath}</Link>
            </dd>
          </>
        )}
        <dt>{t('meta.created')}</dt>
        <dd>
          <FormattedDate value={claim.createdAt} withTime />
          {claim.createdBy && ` ${t('meta.by', { name: claim.createdBy })}`}
        </dd>
        <dt>{t('meta.updated')}</dt>
        <dd>
          <FormattedDate value={claim.updatedAt} withTime />
          {claim.updatedBy && ` ${t('meta.by', { name: claim.updatedBy })}`} · <Link href={`${path}/history`}>{t('meta.history')}</Link>
        </dd>
      </dl>

      <RevisionPanel revisions={revisions} actorId={actor.id} mayReview={can(actor, 'claim.review')} />

      <section aria-labelledby="claim-heading">
        <h2 id="claim-heading">{t('claim.heading')}</h2>
        {othersRevision && (
          <p className="banner" role="note">
            {t('claim.othersRevision', { author: othersRevision.author.name })}
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
              {t.rich(claim.claimedAt ? 'claim.byOn' : 'claim.by', {
                claimant: () => <strong>{claim.claimant.name}</strong>,
                date: () => <FormattedDate value={claim.claimedAt ?? ''} />,
              })}
              {claim.tags.length > 0 && <span className="muted"> · {claim.tags.join(', ')}</span>}
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="verdicts-heading">
        <h2 id="verdicts-heading">{t('verdicts.heading')}</h2>
        {claim.verdicts.length === 0 ? (
          <p className="muted">{t('verdicts.none')}</p>
        ) : (
          <ul className="plain-list">
            {claim.verdicts.map((verdict) => (
              <li key={verdict.id}>
                <Link href={`${path}/verdicts/${encodeURIComponent(verdict.id)}`}>
                  {t.rich('verdicts.item', { number: verdict.number, headline: () => <span lang={claim.language}>{verdict.headline}</span> })}
                </Link>{' '}
                <RatingBadge rating={verdict.rating} link={false} />{' '}
                <span className="muted small">{isVerdictState(verdict.state) ? labels(verdictStateLabelKey(verdict.state)) : verdict.state}</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          {can(actor, 'verdict.draft') && claim.status !== 'ARCHIVED' && (
            <>
              <Link href={`${path}/verdicts/new`}>{t('verdicts.new')}</Link> ·{' '}
            </>
          )}
          <Link href={`${path}/history`}>{t('verdicts.history')}</Link>
        </p>
      </section>

      <AppearanceList
        appearances={claim.appearances}
        mayRemove={can(actor, 'appearance.delete') && !claim.hasBeenPublished}
        published={Boolean(claim.publicPath)}
      />

      {/* Its own region, outside "Appearances": the archived text shown for
          selecting would otherwise repeat every quote of the list. */}
      {mayAddAppearance && (
        <section aria-labelledby="add-appearance">
          <h2 id="add-appearance">{t('appearanceForm.heading')}</h2>
          <AppearanceForm
            {...(await appearanceFormSuggestions(actor, selectedSource, query, claim.claimant.id))}
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

      <RelationList claimId={claim.id} relations={claim.relations} mayRemove={can(actor, 'relation.delete')} candidates={candidates} />

      {/* Claim matching (issue 11, lib/claim-matching): the claims this one may duplicate. */}
      <PossibleDuplicatesSection actor={actor} claimId={claim.id} />

      {can(actor, 'claim.archive') && claim.status !== 'ARCHIVED' && (
        <section aria-labelledby="archive-heading">
          <h2 id="archive-heading">{t('archive.heading')}</h2>
          <p className="muted">{claim.publicPath ? t('archive.introPublic') : t('archive.intro')}</p>
          <ArchiveForm claimId={claim.id} version={claim.version} isPublic={Boolean(claim.publicPath)} />
        </section>
      )}
    </NextIntlClientProvider>
  );
}
