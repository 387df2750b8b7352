'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { addAppearanceAction } from '@/lib/appearances/actions';
import type { AppearanceStanceValue } from '@/lib/appearances/schema';
import type { SourceForQuoting, SourceOption } from '@/lib/claims/dashboard-queries';
import { SourceSuggestions, type UsableSuggestion } from './source-suggestions';
import { SourceTextSelector, type TextSelection } from './source-text-selector';
import { SpeakerOptions, StanceOptions } from './appearance-options';

/** A passage to start from (a suggestion link's offsets, sliced by the page from the source's text). */
export type AppearancePrefill = { sourceId: string; quote: string; selectionStart: number; speakerId: string | null; stance: AppearanceStanceValue };

/**
 * "Add appearance": the editor picks a source, then types the quote or selects
 * it in the source's archived text shown beside the form. The server locates
 * the quote itself; when it occurs several times, the form offers the
 * occurrences to choose from.
 */
export function AppearanceForm({
  claimId,
  defaultSpeakerId,
  sources,
  selectedSource,
  speakers,
  review = null,
  resetKey = '',
  prefill = null,
  suggestions = null,
  prefillIgnored = false,
}: {
  claimId: string;
  defaultSpeakerId: string;
  sources: SourceOption[];
  selectedSource: SourceForQuoting | null;
  speakers: { id: string; name: string }[];
  /**
   * On a claim readers have seen, the quote is proposed for review: the note
   * says why (prefilled with the author's open revision's note, which it joins).
   */
  review?: { note: string } | null;
  /** Changes when the author's open revision is withdrawn or decided: the note is then reset. */
  resetKey?: string;
  /** The passage a suggestion link opened the form with. */
  prefill?: AppearancePrefill | null;
  /** The selected source's suggested quotes (null: none asked for). */
  suggestions?: { language: string; items: UsableSuggestion[] } | null;
  /** The link carried a passage that is not in its source: it was dropped. */
  prefillIgnored?: boolean;
}) {
  const tSuggestions = useTranslations('claimEditor.suggestions');
  const t = useTranslations('claimEditor.appearanceForm');
  const form = useActionForm(addAppearanceAction);
  const { state, formAction, formRef, pending, failure, errorsOf, valueOf } = form;
  const formKey = `${form.formKey}:${resetKey}`;
  const values = failure?.values;
  const occurrencesOffered = (state && !state.ok ? state.occurrences : undefined) ?? [];

  const router = useRouter();
  const pathname = usePathname();
  const [loadingText, startLoadingText] = useTransition();
  const [sourceId, setSourceId] = useState(values?.sourceId ?? selectedSource?.id ?? '');
  const [quote, setQuote] = useState(values?.quote ?? prefill?.quote ?? '');
  const [selectionStart, setSelectionStart] = useState(values?.selectionStart ?? (prefill ? String(prefill.selectionStart) : ''));
  // Controlled: "Use this quote" sets them.
  const prefilledSpeaker = speakers.some((speaker) => speaker.id === prefill?.speakerId) ? prefill?.speakerId : undefined;
  const [speakerId, setSpeakerId] = useState(values?.speakerId ?? prefilledSpeaker ?? defaultSpeakerId);
  const [stance, setStance] = useState(values?.stance ?? prefill?.stance ?? 'ASSERTS');
  const [usedSuggestion, setUsedSuggestion] = useState(false);
  const quoteRef = useRef<HTMLTextAreaElement>(null);

  // After each result, show what was typed (failure) or an empty form (success).
  const [syncedKey, setSyncedKey] = useState(formKey);
  if (syncedKey !== formKey) {
    setSyncedKey(formKey);
    setQuote(values?.quote ?? '');
    setSelectionStart(values?.selectionStart ?? '');
    setSpeakerId(values?.speakerId ?? defaultSpeakerId);
    setStance(values?.stance ?? 'ASSERTS');
    setUsedSuggestion(false);
    if (values?.sourceId) setSourceId(values.sourceId);
  }

  function chooseSource(id: string) {
    setSourceId(id);
    setSelectionStart('');
    // The archived text comes with the page: ask for it in the URL.
    startLoadingText(() => router.replace(id ? `${pathname}?source=${encodeURIComponent(id)}#add-appearance` : `${pathname}#add-appearance`, { scroll: false }));
  }

  function takeSelection(selection: TextSelection) {
    setQuote(selection.quote);
    setSelectionStart(String(selection.start));
    setUsedSuggestion(false);
    quoteRef.current?.focus();
  }

  function takeSuggestion(suggestion: UsableSuggestion) {
    setQuote(suggestion.quote);
    setSelectionStart(String(suggestion.start));
    // A speaker who is no claimant yet leaves the claim's own claimant selected.
    setSpeakerId(suggestion.speakerMatch?.id ?? defaultSpeakerId);
    setStance(suggestion.stance);
    setUsedSuggestion(true);
    quoteRef.current?.focus();
  }

  function sourceOptionLabel(source: SourceOption): string {
    if (source.title) return source.title;
    const details = [source.publisher, source.publishedAt].filter(Boolean).join(', ');
    return t('untitledSource', { details: details || source.id });
  }

  const shownSource = selectedSource && selectedSource.id === sourceId ? selectedSource : null;
  // The occurrences belong to the quote that was sent: once it is edited, they no longer apply.
  const occurrences = quote === values?.quote && sourceId === values?.sourceId ? occurrencesOffered : [];
  const occurrenceErrors = errorsOf('occurrence');

  return (
    <div className="appearance-editor">
      <form key={formKey} ref={formRef} action={formAction} className="form" noValidate>
        <FormMessage state={state} />
        {prefillIgnored && (
          <p className="banner" role="note">
            {tSuggestions('ignored')}
          </p>
        )}
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="selectionStart" value={selectionStart} />
        <Field id="appearance-source" name="sourceId" label={t('source.label')} errors={errorsOf('sourceId')}>
          {(control) => (
            <select {...control} value={sourceId} onChange={(event) => chooseSource(event.target.value)}>
              <option value="">{t('source.choose')}</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {sourceOptionLabel(source)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="appearance-quote" name="quote" label={t('quote.label')} hint={t('quote.hint')} errors={errorsOf('quote')}>
          {(control) => (
            <textarea
              {...control}
              ref={quoteRef}
              lang={shownSource?.language ?? 'fr'}
              value={quote}
              onChange={(event) => {
                setQuote(event.target.value);
                setSelectionStart('');
                setUsedSuggestion(false);
              }}
            />
          )}
        </Field>
        {usedSuggestion && (
          <p className="muted small" role="status">
            {tSuggestions('used')}
          </p>
        )}
        {occurrences.length > 0 && (
          <fieldset
            className="occurrences"
            aria-describedby={['appearance-quote-error', occurrenceErrors ? 'appearance-occurrence-error' : null].filter(Boolean).join(' ')}
          >
            <legend>{t('occurrences.legend')}</legend>
            {occurrences.map((occurrence) => (
              <Field
                key={occurrence.index}
                id={`occurrence-${occurrence.index}`}
                name="occurrence"
                layout="inline"
                className="occurrence"
                label={
                  <>
                    <span className="muted small">{t('occurrences.label', { number: occurrence.index + 1 })} </span>
                    <span lang={shownSource?.language ?? 'fr'}>
                      …{occurrence.prefix}
                      <mark>{occurrence.exact}</mark>
                      {occurrence.suffix}…
                    </span>
                  </>
                }
              >
                {(control) => (
                  <input {...control} type="radio" value={occurrence.index} defaultChecked={values?.occurrence === String(occurrence.index)} />
                )}
              </Field>
            ))}
            {occurrenceErrors && (
              <p id="appearance-occurrence-error" className="field-error">
                {occurrenceErrors.join(' ')}
              </p>
            )}
          </fieldset>
        )}
        <Field id="appearance-speaker" name="speakerId" label={t('speaker.label')} errors={errorsOf('speakerId')}>
          {(control) => (
            <select {...control} value={speakerId} onChange={(event) => setSpeakerId(event.target.value)}>
              <SpeakerOptions speakers={speakers} />
            </select>
          )}
        </Field>
        <Field id="appearance-stance" name="stance" label={t('stance.label')} errors={errorsOf('stance')}>
          {(control) => (
            <select {...control} value={stance} onChange={(event) => setStance(event.target.value)}>
              <StanceOptions />
            </select>
          )}
        </Field>
        {review && (
          <Field
            id="appearance-revision-note"
            name="revisionNote"
            label={t('revisionNote.label')}
            hint={t('revisionNote.hint')}
            errors={errorsOf('revisionNote')}
          >
            {(control) => <textarea {...control} rows={3} defaultValue={valueOf('revisionNote', review.note)} />}
          </Field>
        )}
        <button type="submit" disabled={pending}>
          {t('submit')}
        </button>
      </form>
      <div className="appearance-source-text">
        {loadingText ? (
          <p className="muted" role="status">
            {t('loadingText')}
          </p>
        ) : shownSource ? (
          <>
            {suggestions && <SourceSuggestions suggestions={suggestions.items} language={suggestions.language} onUse={takeSuggestion} />}
            <SourceTextSelector source={shownSource} onSelect={takeSelection} />
          </>
        ) : (
          <p className="muted">{t('noSource')}</p>
        )}
      </div>
    </div>
  );
}
