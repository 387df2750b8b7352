'use client';

import { useEffect, useState } from 'react';
import { FieldError } from '@/app/components/form-feedback';
import { evidenceStanceLabel } from '@/lib/claims/labels';
import type { FieldErrors } from '@/lib/actions/result';
import type { SourceOption } from '@/lib/verdicts/queries';
import { evidenceStances, type QuoteOccurrenceChoices } from '@/lib/verdicts/schema';

export type EvidenceRowValues = { sourceId: string; quote: string; stance: string; note: string; occurrence: string };
/** `quoteEdited`: the quote changed since the occurrence was chosen, so that choice no longer applies. */
type Row = EvidenceRowValues & { key: number; quoteEdited: boolean };

const EMPTY_ROW: EvidenceRowValues = { sourceId: '', quote: '', stance: '', note: '', occurrence: '' };
const ROW_FIELD = /^evidence\.(\d{1,3})\.(sourceId|quote|stance|note|occurrence)$/;

/** The rows the user submitted (after a refusal), in their submitted order; null when there were none. */
export function rowsFromValues(values: Record<string, string> | undefined): EvidenceRowValues[] | null {
  if (!values) return null;
  const rows = new Map<number, EvidenceRowValues>();
  for (const [key, value] of Object.entries(values)) {
    const match = ROW_FIELD.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? { ...EMPTY_ROW };
    row[(match[2] ?? 'note') as keyof EvidenceRowValues] = value;
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

function sourceLabel(source: SourceOption): string {
  const details = [source.publisher, source.publishedAt].filter(Boolean).join(', ');
  return `${source.title ?? 'Untitled source'}${details ? ` (${details})` : ''}`;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}

/**
 * The verdict's evidence: rows added with "Add evidence" and removable before
 * saving. Inputs are named evidence.0.sourceId, evidence.0.quote… by their
 * current position; the server rebuilds the list from those names.
 */
export function EvidenceRows({
  initialRows,
  sources,
  language,
  fieldErrors,
  occurrences,
}: {
  initialRows: EvidenceRowValues[];
  sources: SourceOption[];
  language: string;
  fieldErrors: FieldErrors | undefined;
  occurrences: QuoteOccurrenceChoices | undefined;
}) {
  const [rows, setRows] = useState<Row[]>(() => initialRows.map((row, index) => ({ ...row, key: index, quoteEdited: false })));
  const [nextKey, setNextKey] = useState(initialRows.length);
  const [focusKey, setFocusKey] = useState<number | null>(null);

  useEffect(() => {
    if (focusKey === null) return;
    document.getElementById(`evidence-row-${focusKey}-source`)?.focus();
  }, [focusKey]);

  const addRow = () => {
    setRows((current) => [...current, { ...EMPTY_ROW, key: nextKey, quoteEdited: false }]);
    setFocusKey(nextKey);
    setNextKey(nextKey + 1);
  };
  const removeRow = (key: number) => setRows((current) => current.filter((row) => row.key !== key));
  const quoteEdited = (key: number) =>
    setRows((current) => current.map((row) => (row.key === key && !row.quoteEdited ? { ...row, quoteEdited: true } : row)));
  const listError = fieldErrors?.evidence;

  return (
    <section aria-labelledby="evidence-heading" className="form">
      <h2 id="evidence-heading">Evidence</h2>
      {rows.length === 0 && <p className="muted">No evidence yet. A verdict needs at least one piece of evidence to be submitted.</p>}
      {rows.map((row, index) => {
        const base = `evidence-row-${row.key}`;
        const errors = (field: string) => fieldErrors?.[`evidence.${index}.${field}`];
        const choices = row.quoteEdited ? undefined : occurrences?.[String(index)];
        // A saved quote that occurs several times keeps the occurrence it was anchored at.
        const keptOccurrence = !row.quoteEdited && !choices && row.occurrence !== '' ? row.occurrence : null;
        return (
          <fieldset key={row.key} className="form" style={{ border: '1px solid var(--line)', borderRadius: 8, padding: '0.75rem 1rem' }}>
            <legend>Evidence {index + 1}</legend>
            <div className="field">
              <label htmlFor={`${base}-source`}>Source</label>
              <select
                id={`${base}-source`}
                name={`evidence.${index}.sourceId`}
                defaultValue={row.sourceId}
                aria-invalid={!!errors('sourceId')}
                aria-describedby={describedBy(errors('sourceId') && `${base}-source-error`)}
              >
                <option value="">Choose a source</option>
                {sources.map((source) => (
                  <option key={source.id} value={source.id}>
                    {sourceLabel(source)}
                  </option>
                ))}
              </select>
              <FieldError id={`${base}-source-error`} errors={errors('sourceId')} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-quote`}>Quote</label>
              <textarea
                id={`${base}-quote`}
                name={`evidence.${index}.quote`}
                lang={language}
                rows={3}
                style={{ minHeight: '4rem' }}
                defaultValue={row.quote}
                onChange={() => quoteEdited(row.key)}
                aria-invalid={!!errors('quote')}
                aria-describedby={describedBy(`${base}-quote-hint`, errors('quote') && `${base}-quote-error`)}
              />
              <p id={`${base}-quote-hint`} className="hint">
                Optional. Paste the passage as it appears in the source: it is located in the archived text.
              </p>
              <FieldError id={`${base}-quote-error`} errors={errors('quote')} />
              {keptOccurrence !== null && <input type="hidden" name={`evidence.${index}.occurrence`} value={keptOccurrence} />}
              {choices && choices.length > 0 && (
                <fieldset>
                  <legend>Which occurrence do you mean?</legend>
                  {choices.map((choice) => (
                    <div key={choice.index}>
                      <input
                        type="radio"
                        id={`${base}-occurrence-${choice.index}`}
                        name={`evidence.${index}.occurrence`}
                        value={String(choice.index)}
                        defaultChecked={row.occurrence === String(choice.index)}
                      />{' '}
                      <label htmlFor={`${base}-occurrence-${choice.index}`} style={{ fontWeight: 'normal' }} lang={language}>
                        …{choice.prefix}
                        <mark>{choice.exact}</mark>
                        {choice.suffix}…
                      </label>
                    </div>
                  ))}
                </fieldset>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${base}-stance`}>Stance</label>
              <select
                id={`${base}-stance`}
                name={`evidence.${index}.stance`}
                defaultValue={row.stance}
                aria-invalid={!!errors('stance')}
                aria-describedby={describedBy(errors('stance') && `${base}-stance-error`)}
              >
                <option value="">Choose a stance</option>
                {evidenceStances.map((stance) => (
                  <option key={stance} value={stance}>
                    {evidenceStanceLabel[stance]}
                  </option>
                ))}
              </select>
              <FieldError id={`${base}-stance-error`} errors={errors('stance')} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-note`}>Note</label>
              <input
                id={`${base}-note`}
                name={`evidence.${index}.note`}
                lang={language}
                defaultValue={row.note}
                aria-invalid={!!errors('note')}
                aria-describedby={describedBy(errors('note') && `${base}-note-error`)}
              />
              <FieldError id={`${base}-note-error`} errors={errors('note')} />
            </div>
            <button type="button" className="secondary" onClick={() => removeRow(row.key)}>
              Remove evidence {index + 1}
            </button>
          </fieldset>
        );
      })}
      <div className="field">
        <button type="button" className="secondary" onClick={addRow} aria-describedby={listError ? 'evidence-error' : undefined}>
          Add evidence
        </button>
        <FieldError id="evidence-error" errors={listError} />
      </div>
    </section>
  );
}
