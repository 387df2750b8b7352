'use client';

import Link from 'next/link';
import { useActionState, useState, type CSSProperties } from 'react';
import { FieldError, FormMessage } from '@/app/components/form-feedback';
import type { FieldErrors } from '@/lib/actions/result';
import { createSourceAction, type SourceActionResult } from '@/lib/sources/actions';
import type { ImportedField } from '@/lib/sources/schema';
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from '@/lib/sources/upload-limit';

type MetadataField = 'title' | 'url' | 'publisher' | 'author' | 'language' | 'publishedOn';

const metadataFields: { name: MetadataField; label: string; type: string; hint?: string }[] = [
  { name: 'title', label: 'Title', type: 'text' },
  { name: 'url', label: 'URL', type: 'url', hint: 'Optional. The address of the original article, starting with http:// or https://.' },
  { name: 'publisher', label: 'Publisher', type: 'text' },
  { name: 'author', label: 'Author', type: 'text' },
  { name: 'language', label: 'Language', type: 'text', hint: 'A BCP 47 tag such as fr, en or fr-CA. Left empty: the language detected in the text, else fr.' },
  { name: 'publishedOn', label: 'Published on', type: 'date', hint: 'Optional; not in the future.' },
];

const importedFieldLabel: Record<ImportedField, string> = {
  title: 'Title',
  publisher: 'Publisher',
  author: 'Author',
  language: 'Language',
  publishedOn: 'Published on',
};

const scrollBox: CSSProperties = { maxHeight: '28rem', overflow: 'auto', fontSize: '0.95rem' };

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string');
  return present.length > 0 ? present.join(' ') : undefined;
}

export function SourceForm() {
  const [state, formAction, pending] = useActionState<SourceActionResult | null, FormData>(createSourceAction, null);
  // A new result remounts the form so that every input shows the values it carries.
  const [shownState, setShownState] = useState(state);
  const [submission, setSubmission] = useState(0);
  if (state !== shownState) {
    setShownState(state);
    setSubmission(submission + 1);
  }

  // Checked before sending: a file far past the limit would make the whole
  // submission too large for the server to answer with a field message.
  const [fileTooLarge, setFileTooLarge] = useState(false);

  const values: Record<string, string> = (state?.ok ? state.data.values : state?.values) ?? {};
  const serverErrors: FieldErrors = (state && !state.ok ? state.fieldErrors : undefined) ?? {};
  const fieldErrors: FieldErrors = fileTooLarge ? { ...serverErrors, file: [UPLOAD_TOO_LARGE_MESSAGE] } : serverErrors;
  const preview = state?.ok ? state.data.preview : null;
  const filled = new Set<string>(state?.ok ? state.data.filledFields : []);
  const duplicateId = preview?.duplicate?.id ?? (state && !state.ok && 'duplicateSourceId' in state ? state.duplicateSourceId : undefined);

  return (
    <form
      key={submission}
      action={formAction}
      onSubmit={(event) => {
        if (fileTooLarge) event.preventDefault();
      }}
      noValidate
      style={{ display: 'grid', gap: '1.5rem' }}
    >
      {/* The duplicate notice replaces the form message: it says the same, with a link. */}
      {!duplicateId && <FormMessage state={state} />}
      {duplicateId && (
        <p className="form-error" role="alert">
          This article is already archived.{' '}
          <Link href={`/dashboard/sources/${encodeURIComponent(duplicateId)}`}>Open the archived source</Link>
        </p>
      )}

      <div className="form">
        {metadataFields.map((field) => {
          const errors = fieldErrors[field.name];
          const hintId = field.hint ? `${field.name}-hint` : undefined;
          const filledId = filled.has(field.name) ? `${field.name}-filled` : undefined;
          const errorId = errors ? `${field.name}-error` : undefined;
          return (
            <div className="field" key={field.name}>
              <label htmlFor={field.name}>{field.label}</label>
              {field.hint && (
                <p id={hintId} className="hint">
                  {field.hint}
                </p>
              )}
              <input
                id={field.name}
                name={field.name}
                type={field.type}
                defaultValue={values[field.name] ?? ''}
                aria-invalid={!!errors}
                aria-describedby={describedBy(hintId, filledId, errorId)}
              />
              {filledId && (
                <p id={filledId} className="hint">
                  Filled in from the article: check it.
                </p>
              )}
              <FieldError id={`${field.name}-error`} errors={errors} />
            </div>
          );
        })}

        <div className="field">
          <label htmlFor="text">Text</label>
          <p id="text-hint" className="hint">
            The whole article as copied from the page. Menus, teasers, bylines and comment prompts are removed when it is imported.
          </p>
          <textarea
            id="text"
            name="text"
            rows={16}
            defaultValue={values.text ?? ''}
            aria-invalid={!!fieldErrors.text}
            aria-describedby={describedBy('text-hint', fieldErrors.text && 'text-error')}
          />
          <FieldError id="text-error" errors={fieldErrors.text} />
        </div>

        <div className="field">
          <label htmlFor="file">Upload a file</label>
          <p id="file-hint" className="hint">
            Or a .txt or .html file of 2 MB at most: its text replaces what is in Text.
          </p>
          <input
            id="file"
            name="file"
            type="file"
            accept=".txt,.html,.htm,text/plain,text/html"
            onChange={(event) => setFileTooLarge((event.currentTarget.files?.[0]?.size ?? 0) > MAX_UPLOAD_BYTES)}
            aria-invalid={!!fieldErrors.file}
            aria-describedby={describedBy('file-hint', fieldErrors.file && 'file-error')}
          />
          <FieldError id="file-error" errors={fieldErrors.file} />
        </div>
      </div>

      {preview && (
        <section aria-labelledby="review-heading">
          <h2 id="review-heading">Review the import</h2>
          <p className="small">
            SHA-256 of the cleaned text: <span className="hash">{preview.sha256}</span>
          </p>
          <h3>Metadata found in the article</h3>
          {preview.filledFields.length === 0 ? (
            <p>The importer filled in no empty field.</p>
          ) : (
            <ul>
              {preview.filledFields.map((field) => (
                <li key={field}>
                  {importedFieldLabel[field]}: <span lang={field === 'title' || field === 'author' ? preview.language : undefined}>{values[field]}</span>
                </li>
              ))}
            </ul>
          )}

          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: '1rem' }}>
            <div>
              <h3 id="cleaned-heading">Cleaned text</h3>
              <p className="small muted">What will be archived: quotes will point into this text.</p>
              <div className="archived-text" lang={preview.language} style={scrollBox}>
                {preview.text}
              </div>
            </div>
            <div>
              <h3 id="raw-heading">Raw text</h3>
              <p className="small muted">As pasted or uploaded; kept alongside the archive.</p>
              <div className="archived-text" lang={preview.language} style={scrollBox}>
                {preview.rawText}
              </div>
            </div>
          </div>

          <h3 id="removed-heading">Lines the importer removed ({preview.removedLines.length})</h3>
          {preview.removedLines.length === 0 ? (
            <p>The importer removed no line.</p>
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
        <button type="submit" name="intent" value="preview" className="secondary" disabled={pending}>
          Preview cleaned text
        </button>
        <button type="submit" name="intent" value="save" disabled={pending}>
          Save source
        </button>
        <span role="status" className="muted small">
          {pending ? 'Working…' : ''}
        </span>
      </div>
    </form>
  );
}
