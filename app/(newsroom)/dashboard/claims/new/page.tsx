import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { NotAllowed } from '@/app/components/record-states';
import { requirePageActor } from '@/lib/auth/require';
import { listClaimantOptions } from '@/lib/claimants/queries';
import { findSourceForQuoting } from '@/lib/claims/dashboard-queries';
import { pickMessages } from '@/lib/i18n/client-messages';
import { can, type Actor } from '@/lib/permissions';
import { quoteOfPassage, readSuggestedPassage } from '@/lib/quote-suggestions/schema';
import type { PickedClaimant } from '../[id]/claimant-picker';
import { ClaimForm, type PendingAppearanceDraft } from '../[id]/claim-form';
import { claimEditorClientMessages } from '../[id]/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('claimEditor.new');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type IgnoredReason = 'malformed' | 'sourceMissing' | 'outsideText';

type Prefill = {
  pending: PendingAppearanceDraft | null;
  claimant: PickedClaimant;
  language: string;
  ignored: IgnoredReason | null;
  speakerIgnored: boolean;
  /** A speaker name from the text that is no claimant yet. */
  newClaimantName: string | null;
};

const emptyPrefill: Prefill = { pending: null, claimant: { id: '', name: '' }, language: 'fr', ignored: null, speakerIgnored: false, newClaimantName: null };

/**
 * What a suggestion link pre-fills: the quote sliced from the archived text
 * by its offsets (code points), the speaker, the stance, the source's
 * language. The link is a URL anyone can edit: a passage that is not in the
 * text, a source that does not exist or a speaker who is no claimant is
 * dropped with a message, never a 500.
 */
async function prefillFrom(actor: Actor, searchParams: Record<string, string | string[] | undefined>, speakers: { id: string; name: string }[]): Promise<Prefill> {
  const read = readSuggestedPassage(searchParams);
  if (read.kind === 'none') return emptyPrefill;
  if (read.kind === 'malformed' || !can(actor, 'appearance.create')) return { ...emptyPrefill, ignored: 'malformed' };
  const { passage } = read;
  const source = await findSourceForQuoting(actor, passage.source);
  if (!source) return { ...emptyPrefill, ignored: 'sourceMissing' };
  const anchor = quoteOfPassage(source.text, passage);
  if (!anchor) return { ...emptyPrefill, ignored: 'outsideText' };

  const speaker = passage.speakerId ? (speakers.find((option) => option.id === passage.speakerId) ?? null) : null;
  const claimant: PickedClaimant = speaker ?? { id: '', name: passage.speakerName ?? '' };
  return {
    pending: {
      sourceId: source.id,
      sourceTitle: source.title,
      language: source.language,
      quote: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      start: anchor.start,
      end: anchor.end,
      speakerId: speaker?.id ?? '',
      stance: passage.stance,
    },
    claimant,
    language: source.language,
    ignored: null,
    speakerIgnored: passage.speakerId !== null && speaker === null,
    newClaimantName: speaker ? null : passage.speakerName,
  };
}

export default async function NewClaimPage({ searchParams }: Props) {
  const { actor, allowed } = await requirePageActor('claim.create', '/dashboard/claims/new');
  if (!allowed) return <NotAllowed />;
  const t = await getTranslations('claimEditor');
  const params = await searchParams;
  const opensPassage = readSuggestedPassage(params).kind !== 'none';
  const speakers = opensPassage && can(actor, 'appearance.create') ? await listClaimantOptions(actor) : [];
  const prefill = await prefillFrom(actor, params, speakers);
  const { pending } = prefill;

  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), claimEditorClientMessages)}>
      <p className="muted small">
        <Link href="/dashboard/claims">{t('breadcrumb')}</Link>
      </p>
      <h1>{t('new.title')}</h1>
      <p className="muted">{t('new.intro')}</p>
      {prefill.ignored && (
        <p className="banner" role="note">
          {t('new.ignoredParams', { reason: t(`new.reason.${prefill.ignored}`) })}
        </p>
      )}
      {pending && (
        <p className="form-success" role="status">
          {pending.sourceTitle ? t.rich('new.fromSuggestion', { source: () => <span lang={pending.language}>{pending.sourceTitle}</span> }) : t('new.fromSuggestionUntitled')}
        </p>
      )}
      {prefill.speakerIgnored && <p className="banner" role="note">{t('new.speakerIgnored')}</p>}
      {prefill.newClaimantName && (
        <p className="banner" role="note">
          {t('new.newClaimant', { name: prefill.newClaimantName })}
        </p>
      )}
      <ClaimForm
        initial={{ id: null, version: null, text: pending?.quote ?? '', summary: '', claimant: prefill.claimant, claimedAt: '', language: prefill.language, tags: '' }}
        pendingAppearance={pending}
        speakers={speakers}
      />
    </NextIntlClientProvider>
  );
}
