'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useActionState, useRef, useState, useTransition } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import { addAppearanceAction } from '@/lib/appearances/actions';
import { appearanceStanceOptionLabel, appearanceStances } from '@/lib/appearances/schema';
import type { SourceForQuoting, SourceOption } from '@/lib/claims/dashboard-queries';
import { invalidProps } from './field-props';
import { SourceTextSelector, type TextSelection } from './source-text-selector';
import { useFormKey } from './use-form-key';

export function sourceOptionLabel(source: SourceOption): string {
  if (source.title) return source.title;
  const details = [source.publisher, source.publishedAt].filter(Boolean).join(', ');
  return `Untitled source (${details || source.id})`;
}

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
}) {
  const [state, formAction, pending] = useActionState(addAppearanceAction, null);
  const formKey = `${useFormKey(state)}:${resetKey}`;
  const failed = state && !state.ok ? state : null;
  const values = failed?.values;
  const errors = failed?.fieldErrors;
  const occurrencesOffered = failed?.occurrences ?? [];

  const router = useRouter();
  const pathname = usePathname();
  const [loadingText, startLoadingText] = useTransition();
  const [sourceId, setSourceId] = useState(values?.sourceId ?? selectedSource?.id ?? '');
  const [quote, setQuote] = useState(values?.quote ?? '');
  const [selectionStart, setSelectionStart] = useState(values?.selectionStart ?? '');
  const quoteRef = useRef<HTMLTextAreaElement>(null);

  const [syncedKey, setSyncedKey] = useState(formKey);
  if (syncedKey !== formKey) {
    setSyncedKey(formKey);
    setQuote(values?.quote ?? '');
    setSelectionStart(values?.selectionStart ?? '');
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
    quoteRef.current?.focus();
  }

  const shownSource = selectedSource && selectedSource.id === sourceId ? selectedSource : null;
  // The occurrences belong to the quote that was sent: once it is edited, they no longer apply.
  const occurrences = quote === values?.quote && sourceId === values?.sourceId ? occurrencesOffered : [];

  return (
    <div className="appearance-editor" style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem', alignItems: 'flex-start' }}>
      <form key={formKey} action={formAction} className="form" noValidate style={{ flex: '1 1 22rem', minWidth: 0 }}>
        <FormMessage state={state} />
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="selectionStart" value={selectionStart} />
        <div className="field">
          <label htmlFor="appearance-source">Source</label>
          <select
            id="appearance-source"
            name="sourceId"
            value={sourceId}
            onChange={(event) => chooseSource(event.target.value)}
            style={{ minWidth: 0, width: '100%' }}
            {...invalidProps('appearance-source', errors, 'sourceId')}
          >
            <option value="">Choose an archived source…</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {sourceOptionLabel(source)}
              </option>
            ))}
          </select>
          <FieldError id="appearance-source-error" errors={errors?.sourceId} />
        </div>
        <div className="field">
          <label htmlFor="appearance-quote">Quote</label>
          <textarea
            id="appearance-quote"
            name="quote"
            ref={quoteRef}
            lang="fr"
            value={quote}
            onChange={(event) => {
              setQuote(event.target.value);
              setSelectionStart('');
            }}
            {...invalidProps('appearance-quote', errors, 'quote', 'appearance-quote-hint')}
          />
          <p id="appearance-quote-hint" className="hint">
            Type the passage exactly, or select it with the mouse in the source text.
          </p>
          <FieldError id="appearance-quote-error" errors={errors?.quote} />
        </div>
        {occurrences.length > 0 && (
          <fieldset className="occurrences" aria-describedby="appearance-quote-error" style={{ display: 'grid', gap: '0.5rem' }}>
            <legend>Which occurrence?</legend>
            {occurrences.map((occurrence) => (
              <div key={occurrence.index} className="occurrence">
                <input
                  type="radio"
                  id={`occurrence-${occurrence.index}`}
                  name="occurrence"
                  value={occurrence.index}
                  defaultChecked={values?.occurrence === String(occurrence.index)}
                />
                <label htmlFor={`occurrence-${occurrence.index}`}>
                  <span className="muted small">Occurrence {occurrence.index + 1}: </span>
                  <span lang="fr">
                    …{occurrence.prefix}
                    <mark>{occurrence.exact}</mark>
                    {occurrence.suffix}…
                  </span>
                </label>
              </div>
            ))}
            <FieldError id="appearance-occurrence-error" errors={errors?.occurrence} />
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="appearance-speaker">Speaker</label>
          <select
            id="appearance-speaker"
            name="speakerId"
            defaultValue={values?.speakerId ?? defaultSpeakerId}
            {...invalidProps('appearance-speaker', errors, 'speakerId')}
          >
            {speakers.map((speaker) => (
              <option key={speaker.id} value={speaker.id}>
                {speaker.name}
              </option>
            ))}
          </select>
          <FieldError id="appearance-speaker-error" errors={errors?.speakerId} />
        </div>
        <div className="field">
          <label htmlFor="appearance-stance">Stance</label>
          <select
            id="appearance-stance"
            name="stance"
            defaultValue={values?.stance ?? 'ASSERTS'}
            {...invalidProps('appearance-stance', errors, 'stance')}
          >
            {appearanceStances.map((stance) => (
              <option key={stance} value={stance}>
                {appearanceStanceOptionLabel[stance]}
              </option>
            ))}
          </select>
          <FieldError id="appearance-stance-error" errors={errors?.stance} />
        </div>
        {review && (
          <div className="field">
            <label htmlFor="appearance-revision-note">Why this quote is added</label>
            <textarea
              id="appearance-revision-note"
              name="revisionNote"
              rows={3}
              defaultValue={values?.revisionNote ?? review.note}
              {...invalidProps('appearance-revision-note', errors, 'revisionNote', 'appearance-revision-note-hint')}
            />
            <p id="appearance-revision-note-hint" className="hint">
              This claim is published: the quote is proposed as a revision that another editor approves before readers see it. Readers see
              this note with the change.
            </p>
            <FieldError id="appearance-revision-note-error" errors={errors?.revisionNote} />
          </div>
        )}
        <button type="submit" disabled={pending}>
          Add appearance
        </button>
      </form>
      <div className="appearance-source-text" style={{ flex: '1 1 22rem', minWidth: 0 }}>
        {loadingText ? (
          <p className="muted" role="status">
            Loading the archived text…
          </p>
        ) : shownSource ? (
          <SourceTextSelector source={shownSource} onSelect={takeSelection} />
        ) : (
          <p className="muted">Choose a source to read its archived text here and select the passage.</p>
        )}
      </div>
    </div>
  );
}
