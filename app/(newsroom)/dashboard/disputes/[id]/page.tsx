import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getFormatter, getLocale, getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FormattedDate } from '@/app/components/formatted-date';
import { RatingBadge } from '@/app/components/rating-badge';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { findDisputeForModeration } from '@/lib/disputes/dashboard-queries';
import { disputeKindLabelKey, disputeStatusLabelKey } from '@/lib/disputes/labels';
import { pickMessages } from '@/lib/i18n/client-messages';
import { decodeMessage } from '@/lib/i18n/message';
import { renderMarkdown } from '@/lib/markdown/render';
import { toRatingDto } from '@/lib/ratings/labels';
import { ConfirmDecisionForm, DecideDisputeForm, TakeDisputeForm } from './moderation-forms';
import '@/app/components/disputes/disputes.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('disputePage');
  return { title: t('metaTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string | string[] }> };

/** The message shown after a decision redirected here (?done=…). */
const doneMessages = {
  take: 'take.done',
  reject: 'reject.done',
  uphold: 'uphold.done',
  duplicate: 'duplicate.done',
  proposed: 'quorum.proposed',
  confirmed: 'quorum.confirmed',
} as const;

/** A passage on the dashboard's source page, which highlights every quote at #quote-<id>. */
function passagePath(sourceId: string, quoteId: string): string {
  return `/dashboard/sources/${encodeURIComponent(sourceId)}#quote-${encodeURIComponent(quoteId)}`;
}

export default async function DisputePage({ params, searchParams }: Props) {
  const { id } = await params;
  const { actor, allowed } = await requirePageActor('dispute.read', `/dashboard/disputes/${encodeURIComponent(id)}`);
  if (!allowed) return <NotAllowed />;
  const t = await getTranslations('disputePage');
  const dispute = await findDisputeForModeration(actor, id);
  if (!dispute) {
    return (
      <>
        <h1>{t('notFound.title')}</h1>
        <p>
          {t('notFound.body')} <Link href="/dashboard/disputes">{t('notFound.back')}</Link>.
        </p>
      </>
    );
  }
  const label = await getTranslations();
  const format = await getFormatter();
  const locale = await getLocale();
  const rawDone = (await searchParams).done;
  const done = typeof rawDone === 'string' && rawDone in doneMessages ? doneMessages[rawDone as keyof typeof doneMessages] : null;
  const undecided = dispute.status === 'OPEN' || dispute.status === 'TRIAGED';
  const refusal = dispute.independenceRefusal ? decodeMessage(dispute.independenceRefusal) : null;
  const { verdict, claim } = dispute;
  const duplicateOptions = dispute.others.map((other) => ({
    id: other.id,
    label: t('duplicate.option', {
      date: format.dateTime(new Date(other.receivedAt), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
      kind: label(disputeKindLabelKey(other.kind)),
    }),
  }));

  return (
    <article>
      <p>
        <Link href="/dashboard/disputes">{t('back')}</Link>
      </p>
      <h1>{t('title', { claim: claim.summary })}</h1>
      {done && (
        <p className="form-success" role="status">
          {t(done)}
        </p>
      )}
      <dl className="meta">
        <dt>{t('received')}</dt>
        <dd>
          <FormattedDate value={dispute.receivedAt} withTime />
        </dd>
        <dt>{t('kind')}</dt>
        <dd>{label(disputeKindLabelKey(dispute.kind))}</dd>
        <dt>{t('status')}</dt>
        <dd>{label(disputeStatusLabelKey(dispute.status))}</dd>
        <dt>{t('takenBy')}</dt>
        <dd>{dispute.moderatorName ?? t('notTaken')}</dd>
      </dl>

      <section aria-labelledby="reader-heading">
        <h2 id="reader-heading">{t('reader.heading')}</h2>
        <p className="reader-text">{dispute.explanation}</p>
        <dl className="meta small">
          <dt>{t('reader.evidenceUrl')}</dt>
          <dd>
            {dispute.evidenceUrl ? (
              <a href={dispute.evidenceUrl} rel="noopener noreferrer nofollow ugc" target="_blank">
                {dispute.evidenceUrl}
              </a>
            ) : (
              t('reader.noEvidence')
            )}
          </dd>
        </dl>
        <p className="small">{dispute.publishConsent ? t('reader.consentYes') : t('reader.consentNo')}</p>
        <p className="small">{dispute.hasContactEmail ? t('reader.contactYes') : t('reader.contactNo')}</p>
      </section>

      {dispute.reason && !undecided && (
        <div className="dispute-note">
          <p>
            <strong>{t('reason.label')}</strong>
          </p>
          <p className="reader-text">{dispute.reason}</p>
        </div>
      )}
      {dispute.status === 'ESCALATED' && (
        <p className="dispute-note">
          {t('escalated')} <Link href={`/dashboard/claims/${encodeURIComponent(claim.id)}`}>{t('verdict.openClaim')}</Link>
        </p>
      )}
      {dispute.correction && (
        <p className="dispute-note">{t.rich('upheld', { date: () => <FormattedDate value={dispute.correction?.publishedAt ?? ''} withTime /> })}</p>
      )}
      {dispute.duplicateOfId && (
        <p className="dispute-note">
          <Link href={`/dashboard/disputes/${encodeURIComponent(dispute.duplicateOfId)}`}>{t('duplicateOf')}</Link>
        </p>
      )}

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('actions.heading')}</h2>
        {dispute.pending && (
          <div className="dispute-note">
            <p>
              {t.rich('quorum.pending', {
                name: dispute.pending.byName,
                decision: label(disputeStatusLabelKey(dispute.pending.status)),
                date: () => <FormattedDate value={dispute.pending?.at ?? ''} withTime />,
              })}
            </p>
            <p>
              <strong>{t('quorum.pendingReason')}</strong>
            </p>
            <p className="reader-text">{dispute.pending.reason}</p>
          </div>
        )}
        {!dispute.canModerate ? (
          <p>{t('actions.readOnly')}</p>
        ) : refusal ? (
          <p className="form-error">{label(refusal.key, refusal.values)}</p>
        ) : !undecided ? (
          <p className="muted">{t('errors.alreadyDecided')}</p>
        ) : (
          <NextIntlClientProvider messages={pickMessages(await getMessages(), ['disputePage'])}>
            {dispute.needsSecondModerator && <p className="muted small">{t('quorum.rule')}</p>}
            {dispute.pending &&
              (dispute.pending.byId === actor.id ? (
                <p className="muted">{t('quorum.ownProposal')}</p>
              ) : (
                <ConfirmDecisionForm disputeId={dispute.id} version={dispute.version} />
              ))}
            {dispute.status === 'OPEN' && <TakeDisputeForm disputeId={dispute.id} version={dispute.version} />}
            <DecideDisputeForm disputeId={dispute.id} version={dispute.version} duplicateOptions={duplicateOptions} />
          </NextIntlClientProvider>
        )}
      </section>

      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">{t('verdict.heading')}</h2>
        <p>
          <RatingBadge rating={toRatingDto(verdict.rating, locale)} link={false} />{' '}
          <span className="muted small">
            {t.rich('verdict.version', { number: verdict.number, date: () => <FormattedDate value={verdict.publishedAt ?? ''} withTime /> })}
          </span>
        </p>
        {verdict.state === 'SUPERSEDED' && <p className="muted">{t('verdict.superseded')}</p>}
        <p className="small">
          {verdict.reviewer ? t('verdict.author', { author: verdict.author.name, reviewer: verdict.reviewer.name }) : t('verdict.authorOnly', { author: verdict.author.name })}
        </p>
        <p className="verdict-headline" lang={claim.language}>
          {verdict.headline}
        </p>
        <div lang={claim.language} dangerouslySetInnerHTML={{ __html: renderMarkdown(verdict.explanation) }} />
        <h3>{t('verdict.evidence')}</h3>
        <ul className="quote-list">
          {verdict.evidence.map((evidence) => (
            <li key={evidence.id}>
              <strong>{label(`labels.evidenceStance.${evidence.stance}`)}</strong>
              {evidence.note && <span lang={claim.language}> — {evidence.note}</span>}
              {evidence.quote && <blockquote lang={claim.language}>« {evidence.quote.exact} »</blockquote>}
              <p className="small">
                {evidence.quote ? (
                  <Link href={passagePath(evidence.sourceId, evidence.id)}>{t('verdict.seePassage')}</Link>
                ) : (
                  <Link href={`/dashboard/sources/${encodeURIComponent(evidence.sourceId)}`}>
                    {t('verdict.openSource', { title: evidence.sourceTitle ?? t('verdict.untitled') })}
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
        <h3>{t('verdict.appearances')}</h3>
        <blockquote className="claim-text" lang={claim.language}>
          {claim.text}
        </blockquote>
        <ul className="quote-list">
          {claim.appearances.map((appearance) => (
            <li key={appearance.id}>
              <blockquote lang={claim.language}>« {appearance.exact} »</blockquote>
              <p className="small">
                <Link href={passagePath(appearance.sourceId, appearance.id)}>{t('verdict.seePassage')}</Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="others-heading">
        <h2 id="others-heading">{t('others.heading')}</h2>
        {dispute.others.length === 0 ? (
          <p>{t('others.none')}</p>
        ) : (
          <ul className="challenge-list">
            {dispute.others.map((other) => (
              <li key={other.id}>
                <Link href={`/dashboard/disputes/${encodeURIComponent(other.id)}`}>
                  {t.rich('others.entry', {
                    date: () => <FormattedDate value={other.receivedAt} withTime />,
                    kind: label(disputeKindLabelKey(other.kind)),
                    status: label(disputeStatusLabelKey(other.status)),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <ol className="challenge-list">
          {dispute.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <p>
                {t.rich('history.entry', { date: () => <FormattedDate value={entry.at} withTime />, status: label(disputeStatusLabelKey(entry.to)) })}{' '}
                {entry.actorName ? (
                  <span className="muted small">{t('history.by', { name: entry.actorName })}</span>
                ) : (
                  entry.from === null && <span className="muted small">{t('history.reader')}</span>
                )}
              </p>
              {entry.note && <p className="reader-text">{entry.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
