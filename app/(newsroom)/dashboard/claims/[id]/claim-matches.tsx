'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type JSX, type ReactNode, useEffect, useRef, useState, useTransition } from 'react';
import { RatingBadge } from '@/app/components/rating-badge';
import { findClaimMatchesAction } from '@/lib/claim-matching/actions';
import type { ClaimMatch } from '@/lib/claim-matching/queries';
import { claimStatusLabelKey } from '@/lib/claims/labels';
import { appearanceFromSuggestionHref } from '@/lib/quote-suggestions/links';
import { addRelationAction } from '@/lib/relations/actions';

/** A pause in the typing this long asks again. */
const MATCH_DELAY_MS = 400;

export type PendingAppearance = { sourceId: string; start: number; end: number; stance: string; speakerId: string };

type Props = {
  text: string;
  summary: string;
  claimant: { id: string; name: string };
  /** The quote the new claim carries (from a suggestion), for "Add this appearance to it instead". */
  pendingAppearance: PendingAppearance | null;
  /** The claim the new one will be linked to as SAME_AS when saved ('' = none). */
  sameAsClaimId: string;
  onSameAsChange: (claimId: string) => void;
};

/**
 * "Possible duplicates" inside the new-claim form: the claims already logged
 * that may be the one being typed (findClaimMatchesAction), asked again at
 * each pause in the typing (a saved claim's editor page has its own section,
 * PossibleDuplicates). Its buttons are type="button": they sit inside the
 * claim's <form> and must never save it. The count is announced politely;
 * the list itself is not read out at each keystroke.
 */
export function ClaimMatches({ text, summary, claimant, pendingAppearance, sameAsClaimId, onSameAsChange }: Props): JSX.Element {
  const t = useTranslations('claimEditor.matches');
  const unavailable = t('unavailable');
  const [matches, setMatches] = useState<ClaimMatch[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The claim chosen as the same one stays on screen while it will be linked, even once the list no longer has it.
  const [chosen, setChosen] = useState<ClaimMatch | null>(null);
  const [pending, startMatching] = useTransition();
  const latest = useRef(0);
  const empty = text.trim() === '' && summary.trim() === '' && !pendingAppearance;
  // The passage as plain values: a new object with the same passage asks nothing new.
  const passageSourceId = pendingAppearance?.sourceId ?? '';
  const passageStart = pendingAppearance?.start ?? 0;
  const passageEnd = pendingAppearance?.end ?? 0;

  useEffect(() => {
    // Counted even when nothing is asked: an answer still on its way for the cleared text is then ignored.
    const request = ++latest.current;
    if (empty) return;
    const timer = setTimeout(() => {
      const query = new FormData();
      query.set('text', text);
      query.set('summary', summary);
      query.set('claimantId', claimant.id);
      query.set('claimant', claimant.name);
      if (passageSourceId) {
        query.set('sourceId', passageSourceId);
        query.set('start', String(passageStart));
        query.set('end', String(passageEnd));
      }
      startMatching(async () => {
        try {
          const result = await findClaimMatchesAction(null, query);
          // An answer to an older question arrives late: the newer one wins.
          if (request !== latest.current) return;
          if (result.ok) {
            setMatches(result.data);
            setFailure(null);
          } else {
            setFailure(Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.message);
          }
        } catch {
          // The server out of reach (a restart, a dropped connection): the form and what was typed stay.
          if (request === latest.current) setFailure(unavailable);
        }
      });
    }, MATCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [empty, text, summary, claimant.id, claimant.name, passageSourceId, passageStart, passageEnd, unavailable]);

  const found = empty ? [] : (matches ?? []);
  const pinned = chosen && chosen.id === sameAsClaimId && !found.some((match) => match.id === chosen.id) ? chosen : null;
  const shown = pinned ? [pinned, ...found] : found;
  let status = '';
  if (failure && !empty) status = failure;
  else if (!empty && matches !== null) status = found.length === 0 ? t('none') : t('found', { count: found.length });
  function choose(match: ClaimMatch, claimId: string) {
    setChosen(claimId ? match : null);
    onSameAsChange(claimId);
  }

  return (
    // aria-busy while asking: the count is announced once, when the answer is in.
    <section aria-labelledby="claim-matches-heading" aria-busy={pending}>
      <h2 id="claim-matches-heading">{t('heading')}</h2>
      <p className="muted small">{t('intro')}</p>
      <p aria-live="polite" className={failure && !empty ? 'field-error' : 'muted small'}>
        {status}
      </p>
      {shown.length > 0 && (
        <MatchList
          idPrefix="claim-match"
          matches={shown}
          renderActions={(match) => (
            <>
              <SameAsChoice
                describedBy={`claim-match-${match.id}`}
                match={match}
                chosen={sameAsClaimId === match.id}
                onChange={(claimId) => choose(match, claimId)}
              />
              {pendingAppearance && (
                <Link
                  href={appearanceFromSuggestionHref(match.id, pendingAppearance.sourceId, { ...pendingAppearance, speakerName: null })}
                  aria-describedby={`claim-match-${match.id}`}
                >
                  {t('addAppearance')}
                </Link>
              )}
            </>
          )}
        />
      )}
    </section>
  );
}

/**
 * The matches as a list, for the live panel and the editor page's
 * server-rendered section. Each summary's element id is `${idPrefix}-${id}`
 * (the buttons are described by it): both lists may be on one page.
 */
export function MatchList({
  idPrefix,
  matches,
  renderActions,
}: {
  idPrefix: string;
  matches: ClaimMatch[];
  renderActions: (match: ClaimMatch) => ReactNode;
}) {
  const t = useTranslations('claimEditor.matches');
  const labels = useTranslations();
  return (
    <ul className="plain-list">
      {matches.map((match) => (
        <li key={match.id}>
          <p>
            <Link href={`/dashboard/claims/${encodeURIComponent(match.id)}`} id={`${idPrefix}-${match.id}`} lang={match.language}>
              {match.summary}
            </Link>{' '}
            {match.nearDuplicate && <strong className="status-tag">{t('nearDuplicate')}</strong>}
          </p>
          <p className="muted small">
            {t('meta', { claimant: match.claimant.name, status: labels(claimStatusLabelKey(match.status)) })}{' '}
            {match.rating && <RatingBadge rating={match.rating} link={false} />}
            {match.reasons.length > 0 && <> · {t('reasons', { reasons: match.reasons.map((reason) => t(`reason.${reason}`)).join(', ') })}</>}
          </p>
          <div className="button-row">{renderActions(match)}</div>
        </li>
      ))}
    </ul>
  );
}

/**
 * New claim: the SAME_AS link is saved with the claim (the form's
 * sameAsClaimId), so choosing it can be undone until then. One button that
 * changes its words, so the focus stays on it either way.
 */
function SameAsChoice({
  describedBy,
  match,
  chosen,
  onChange,
}: {
  describedBy: string;
  match: ClaimMatch;
  chosen: boolean;
  onChange: (claimId: string) => void;
}) {
  const t = useTranslations('claimEditor.matches');
  return (
    <>
      <button type="button" className="secondary" aria-describedby={describedBy} onClick={() => onChange(chosen ? '' : match.id)}>
        {chosen ? t('undo') : t('linkSame')}
      </button>
      <span role="status" className="muted small">
        {chosen ? t('willLink') : ''}
      </span>
    </>
  );
}

/**
 * Existing claim: links it to the match as the same claim at once, through
 * the relations' own action (the claim editor's "Related claims" form uses
 * it too). A button, not a <form>: it may sit inside the claim form.
 */
export function LinkSameClaimButton({ describedBy, claimId, match }: { describedBy: string; claimId: string; match: Pick<ClaimMatch, 'id'> }) {
  const t = useTranslations('claimEditor.matches');
  const router = useRouter();
  const [pending, startLinking] = useTransition();
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  function link() {
    const form = new FormData();
    form.set('claimId', claimId);
    form.set('target', match.id);
    form.set('type', 'SAME_AS');
    startLinking(async () => {
      try {
        const result = await addRelationAction(null, form);
        const message = result.ok ? (result.message ?? t('linked')) : (Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.message);
        setAnswer({ ok: result.ok, message });
        // The page's "Related claims" shows the new link, and the matches leave out claims already linked.
        if (result.ok) router.refresh();
      } catch {
        setAnswer({ ok: false, message: t('linkUnavailable') });
      }
    });
  }
  return (
    <>
      <button type="button" className="secondary" disabled={pending} aria-describedby={describedBy} onClick={link}>
        {t('linkSame')}
      </button>
      <span role="status" className={answer && !answer.ok ? 'field-error' : 'muted small'}>
        {answer?.message}
      </span>
    </>
  );
}

/** The claim editor page's "Possible duplicates" of the saved claim (matches read by the page, findMatchesOfClaim). */
export function PossibleDuplicates({ claimId, matches, mayLink }: { claimId: string; matches: ClaimMatch[]; mayLink: boolean }) {
  const t = useTranslations('claimEditor.matches');
  return (
    <section aria-labelledby="possible-duplicates-heading">
      <h2 id="possible-duplicates-heading">{t('heading')}</h2>
      {matches.length === 0 ? (
        <p className="muted">{t('pageNone')}</p>
      ) : (
        <>
          <p className="muted">{t('pageIntro')}</p>
          <MatchList
            idPrefix="possible-duplicate"
            matches={matches}
            renderActions={(match) =>
              mayLink && <LinkSameClaimButton describedBy={`possible-duplicate-${match.id}`} claimId={claimId} match={match} />
            }
          />
        </>
      )}
    </section>
  );
}
