'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Field } from '@/app/components/form/field';
import { evidenceStanceLabelKey } from '@/lib/claims/labels';
import type { SourceOption } from '@/lib/verdicts/queries';
import { evidenceStances, type QuoteOccurrenceChoices } from '@/lib/verdicts/schema';
import { ConfirmButton } from '@/app/components/confirm-dialog';

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

/**
 * The verdict's evidence: rows added with "Add evidence" and removable (after
 * a confirmation) before saving. Inputs are named evidence.0.sourceId,
 * evidence.0.quote… by their current position; the server rebuilds the list
 * from those names.
 */
export function EvidenceRows({
  initialRows,
  sources,
  language,
  errorsOf,
  occurrences,
}: {
  initialRows: EvidenceRowValues[];
  sources: SourceOption[];
  language: string;
  errorsOf: (name: string) => string[] | undefined;
  occurrences: QuoteOccurrenceChoices | undefined;
}) {
  const t = useTranslations('verdictEditor.evidence');
  const tAll = useTranslations();
  const [rows, setRows] = useState<Row[]>(() => initialRows.map((row, index) => ({ ...row, key: index, quoteEdited: false })));
  const [nextKey, setNextKey] = useState(initialRows.length);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusKey === null) return;
    document.getElementById(`evidence-row-${focusKey}-source`)?.focus();
  }, [focusKey]);

  const addRow = () => {
    setRows((current) => [...current, { ...EMPTY_ROW, key: nextKey, quoteEdited: false }]);
    setFocusKey(nextKey);
    setNextKey(nextKey + 1);
  };
  const removeRow = (key: number) => {
    setRows((current) => current.filter((row) => row.key !== key));
    // The removed row took the focus with it: "Add evidence" is what comes next.
    addButton.current?.focus();
  };
  const quoteEdited = (key: number) =>
    setRows((current) => current.map((row) => (row.key === key && !row.quoteEdited ? { ...row, quoteEdited: true } : row)));
  const sourceLabel = (source: SourceOption) => {
    const title = source.title ?? t('untitledSource');
    const details = [source.publisher, source.publishedAt].filter(Boolean).join(', ');
    return details ? t('sourceOption', { title, details }) : title;
  };
  const listErrors = errorsOf('evidence');

  return (
    <section aria-labelledby="evidence-heading" className="form">
      <h2 id="evidence-heading">{t('heading')}</h2>
      {rows.length === 0 && <p className="muted">{t('empty')}</p>}
      {rows.map((row, index) => {
        const base = `evidence-row-${row.key}`;
        const name = (field: string) => `evidence.${index}.${field}`;
        const number = index + 1;
        const choices = row.quoteEdited ? undefined : occurrences?.[String(index)];
        // A saved quote that occurs several times keeps the occurrence it was anchored at.
        const keptOccurrence = !row.quoteEdited && !choices && row.occurrence !== '' ? row.occurrence : null;
        return (
          <fieldset key={row.key} className="form" style={{ border: '1px solid var(--line)', borderRadius: 8, padding: '0.75rem 1rem' }}>
            <legend>{t('legend', { number })}</legend>
            <Field id={`${base}-source`} name={name('sourceId')} label={t('source.label')} errors={errorsOf(name('sourceId'))}>
              {(control) => (
                <select {...control} defaultValue={row.sourceId}>
                  <option value="">{t('source.choose')}</option>
                  {sources.map((source) => (
                    <option key={source.id} value={source.id}>
                      {sourceLabel(source)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${base}-quote`} name={name('quote')} label={t('quote.label')} hint={t('quote.hint')} errors={errorsOf(name('quote'))}>
              {(control) => <textarea {...control} lang={language} rows={3} style={{ minHeight: '4rem' }} defaultValue={row.quote} onChange={() => quoteEdited(row.key)} />}
            </Field>
            {keptOccurrence !== null && <input type="hidden" name={name('occurrence')} value={keptOccurrence} />}
            {choices && choices.length > 0 && (
              <fieldset>
                <legend>{t('occurrence.legend')}</legend>
                {choices.map((choice) => (
                  <div key={choice.index}>
                    <input
                      type="radio"
                      id={`${base}-occurrence-${choice.index}`}
                      name={name('occurrence')}
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
            <Field id={`${base}-stance`} name={name('stance')} label={t('stance.label')} errors={errorsOf(name('stance'))}>
              {(control) => (
                <select {...control} defaultValue={row.stance}>
                  <option value="">{t('stance.choose')}</option>
                  {evidenceStances.map((stance) => (
                    <option key={stance} value={stance}>
                      {tAll(evidenceStanceLabelKey(stance))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${base}-note`} name={name('note')} label={t('note.label')} errors={errorsOf(name('note'))}>
              {(control) => <input {...control} lang={language} defaultValue={row.note} />}
            </Field>
            <ConfirmButton
              label={t('remove.button', { number })}
              question={t('remove.question', { number })}
              confirmLabel={t('remove.confirm', { number })}
              cancelLabel={t('remove.cancel', { number })}
              onConfirm={() => removeRow(row.key)}
            >
              <p>{t('remove.details')}</p>
            </ConfirmButton>
          </fieldset>
        );
      })}
      <div className="field">
        <button ref={addButton} type="button" className="secondary" onClick={addRow} aria-describedby={listErrors ? 'evidence-error' : undefined}>
          {t('add')}
        </button>
        {listErrors && (
          <p id="evidence-error" className="field-error">
            {listErrors.join(' ')}
          </p>
        )}
      </div>
    </section>
  );
}
