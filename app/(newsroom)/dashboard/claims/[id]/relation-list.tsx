import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { claimStatusLabelKey, relationLabelKey } from '@/lib/claims/labels';
import type { ClaimForEditor } from '@/lib/claims/dashboard-queries';
import { RelationForm } from './relation-form';
import { RemoveRelationButton } from './remove-buttons';

/** The claim editor's "Related claims": the links both ways, their Remove buttons, and the form that adds one. */
export async function RelationList({
  claimId,
  relations,
  mayRemove,
  candidates,
}: {
  claimId: string;
  relations: ClaimForEditor['relations'];
  mayRemove: boolean;
  /** Null when the actor may not add a link. */
  candidates: { slug: string; summary: string }[] | null;
}) {
  const t = await getTranslations('claimEditor.relations');
  const labels = await getTranslations();
  return (
    <section aria-labelledby="relations-heading">
      <h2 id="relations-heading">{t('heading')}</h2>
      {relations.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="plain-list">
          {relations.map((relation) => (
            <li key={relation.id}>
              {labels(relationLabelKey(relation.type, relation.direction))}{' '}
              <Link href={`/dashboard/claims/${encodeURIComponent(relation.claim.id)}`} lang="fr">
                {relation.claim.summary}
              </Link>{' '}
              <span className="muted small">({labels(claimStatusLabelKey(relation.claim.status))})</span>
              {relation.note && (
                <span className="muted" lang="fr">
                  {' '}
                  — {relation.note}
                </span>
              )}{' '}
              {mayRemove && <RemoveRelationButton relationId={relation.id} />}
            </li>
          ))}
        </ul>
      )}
      {candidates && (
        <>
          <h3>{t('addHeading')}</h3>
          <RelationForm claimId={claimId} candidates={candidates} />
        </>
      )}
    </section>
  );
}
