'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { type CSSProperties, useState } from 'react';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { createSourceAction } from '@/lib/sources/actions';
import { MAX_UPLOAD_BYTES } from '@/lib/sources/upload-limit';
import { SourceMetadataFields } from '../source-metadata-fields';

const scrollBox: CSSProperties = { maxHeight: '28rem', overflow: 'auto', fontSize: '0.95rem' };

export function SourceForm() {
  const t = useTranslations('sourcesDashboard.new');
  const tFields = useTranslations('sourcesDashboard.fields');
  const form = useActionForm(createSourceAction);
  const { state } = form;

  // Checked before sending: a file far past the limit would make the whole
  // submission too large for the server to answer with a field message.
  const [fileTooLarge, setFileTooLarge] = useState(false);

  const previewed = state?.ok ? state.data : null;
  const valueOf = (name: string) => previewed?.values[name] ?? form.valueOf(name, '');
  const errorsOf = (name: string) => (name === 'file' && fileTooLarge ? [tFields('file.tooLarge')] : form.errorsOf(name));
  const preview = previewed?.preview ?? null;
  const filled = new Set<string>(previewed?.filledFields ?? []);
  const duplicateId = preview?.duplicate?.id ?? (state && !state.ok && 'duplicateSourceId' in state ? state.duplicateSourceId : undefined);

  return (
    <form
      key={form.formKey}
      ref={form.formRef}
      action={form.formAction}
      onSubmit={(event) => {
        if (fileTooLarge) event.preventDefault();
      }}
      noValidate
      style={{ display: 'grid', gap: '1.5rem' }}
    >
      {/* The duplicate notice replaces the form message: it says the same, with a link. */}
      {!duplicateId && <FormMessage state={state} />}
      {duplicateId && (
        <p className="form-error" role="alert" tabIndex={-1} data-form-message="">
          {t('duplicate')} <Link href={`/dashboard/sources/${encodeURIComponent(duplicateId)}`}>{t('openDuplicate')}</Link>
        </p>
      )}

      <div className="form">
        <SourceMetadataFields errorsOf={errorsOf} valueOf={valueOf} filled={filled} />
        <Field id="text" name="text" label={tFields('text.label')} hint={tFields('text.hint')} errors={errorsOf('text')}>
          {(control) => <textarea {...control} rows={16} defaultValue={valueOf('text')} />}
        </Field>
        <Field id="file" name="file" label={tFields('file.label')} hint={tFields('file.hint')} errors={errorsOf('file')}>
          {(control) => (
            <input
              {...control}
              type="file"
              accept=".txt,.html,.htm,text/plain,text/html"
              onChange={(event) => setFileTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_UPLOAD_BYTES)}
            />
          )}
        </Field>
      </div>

      {preview && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">{t('review.title')}</h2>
          <p className="small">
            {t('review.sha256')} <span className="hash">{preview.sha256}</span>
          </p>
          <h3>{t('review.metadata')}</h3>
          {preview.filledFields.length === 0 ? (
            <p>{t('review.nothingFilled')}</p>
          ) : (
            <ul>
              {preview.filledFields.map((field) => (
                <li key={field}>
                  {t.rich('review.filledField', {
                    field: tFields(`${field}.label`),
                    value: () => <span lang={field === 'title' || field === 'author' ? preview.language : undefined}>{valueOf(field)}</span>,
                  })}
                </li>
              ))}
            </ul>
          )}

          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(18rem, 100%), 1fr))', gap: '1rem' }}>
            <div>
              <h3 id="cleaned-heading">{t('review.cleaned')}</h3>
              <p className="small muted">{t('review.cleanedHint')}</p>
              {/* It scrolls: focusable, so that the keyboard scrolls it too. */}
              <div className="archived-text" lang={preview.language} style={scrollBox} tabIndex={0} role="region" aria-labelledby="cleaned-heading">
                {preview.text}
              </div>
            </div>
            <div>
              <h3 id="raw-heading">{t('review.raw')}</h3>
              <p className="small muted">{t('review.rawHint')}</p>
              <div className="archived-text" lang={preview.language} style={scrollBox} tabIndex={0} role="region" aria-labelledby="raw-heading">
                {preview.rawText}
              </div>
            </div>
          </div>

          <h3 id="removed-heading">{t('review.removed', { count: preview.removedLines.length })}</h3>
          {preview.removedLines.length === 0 ? (
            <p>{t('review.nothingRemoved')}</p>
          ) : (
            <ul lang={preview.language}>
              {preview.removedLines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <button type="submit" name="intent" value="preview" className="secondary" disabled={form.pending}>
          {t('preview')}
        </button>
        <button type="submit" name="intent" value="save" disabled={form.pending}>
          {t('save')}
        </button>
        <span role="status" className="muted small">
          {form.pending ? t('working') : ''}
        </span>
      </div>
    </form>
  );
}
