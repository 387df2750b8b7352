'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { createRatingAction, updateRatingAction } from '@/lib/ratings/actions';
import { contrastWithWhiteText, MIN_RATING_CONTRAST, roundedRatio } from '@/lib/ratings/contrast';
import type { RatingScaleItem } from '@/lib/ratings/queries';

type Editable = Pick<RatingScaleItem, 'labelFr' | 'labelEn' | 'descriptionFr' | 'descriptionEn' | 'value' | 'colour' | 'active'>;

const blank: Editable = { labelFr: '', labelEn: '', descriptionFr: '', descriptionEn: '', value: null, colour: '', active: true };

/**
 * The form of one rating: a new one (`rating` absent: with its key, which is
 * chosen once) or an existing one (with the version it was opened at).
 * `previewLabel` names the badge of the live contrast check.
 */
export function RatingForm({
  rating,
  idPrefix,
  previewLabel,
  summary,
}: {
  rating?: RatingScaleItem;
  idPrefix: string;
  previewLabel: string;
  /** Puts the form in a disclosure with this summary ("Edit …"), open while the form shows a refusal. */
  summary?: string;
}) {
  const t = useTranslations('ratingsAdmin.form');
  const { state, formAction, pending, formRef, formKey, failure, errorsOf, valueOf } = useActionForm(rating ? updateRatingAction : createRatingAction);
  const saved: Editable = rating ?? blank;
  const id = (name: string) => `${idPrefix}-${name}`;
  // An unticked checkbox is absent from the form: after a failed submit, absent means unticked.
  const active = failure ? failure.values?.active !== undefined : saved.active;

  const form = (
    <form key={formKey} ref={formRef} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {rating ? (
        <>
          <input type="hidden" name="id" value={rating.id} />
          <input type="hidden" name="version" value={rating.version} />
        </>
      ) : (
        <Field id={id('key')} name="key" label={t('key')} hint={t('keyHint')} errors={errorsOf('key')}>
          {(control) => <input {...control} defaultValue={valueOf('key', '')} autoComplete="off" spellCheck={false} />}
        </Field>
      )}
      <div className="field-pair">
        <Field id={id('labelFr')} name="labelFr" label={t('labelFr')} errors={errorsOf('labelFr')}>
          {(control) => <input {...control} lang="fr" defaultValue={valueOf('labelFr', saved.labelFr)} autoComplete="off" />}
        </Field>
        <Field id={id('labelEn')} name="labelEn" label={t('labelEn')} errors={errorsOf('labelEn')}>
          {(control) => <input {...control} lang="en" defaultValue={valueOf('labelEn', saved.labelEn)} autoComplete="off" />}
        </Field>
      </div>
      <Field id={id('descriptionFr')} name="descriptionFr" label={t('descriptionFr')} errors={errorsOf('descriptionFr')}>
        {(control) => <textarea {...control} lang="fr" rows={3} className="short" defaultValue={valueOf('descriptionFr', saved.descriptionFr)} />}
      </Field>
      <Field id={id('descriptionEn')} name="descriptionEn" label={t('descriptionEn')} errors={errorsOf('descriptionEn')}>
        {(control) => <textarea {...control} lang="en" rows={3} className="short" defaultValue={valueOf('descriptionEn', saved.descriptionEn)} />}
      </Field>
      <Field id={id('value')} name="value" label={t('value')} hint={t('valueHint')} errors={errorsOf('value')}>
        {(control) => (
          <input {...control} inputMode="numeric" className="narrow-input" defaultValue={valueOf('value', saved.value === null ? '' : String(saved.value))} />
        )}
      </Field>
      <ColourField id={id('colour')} initial={valueOf('colour', saved.colour)} errors={errorsOf('colour')} previewLabel={previewLabel} />
      <Field id={id('active')} name="active" label={t('active')} errors={errorsOf('active')} layout="inline">
        {(control) => <input {...control} type="checkbox" defaultChecked={active} />}
      </Field>
      <button type="submit" disabled={pending}>
        {rating ? t('save') : t('create')}
      </button>
    </form>
  );
  if (!summary) return form;
  return (
    <details className="edit-rating" open={failure ? true : undefined}>
      <summary>{summary}</summary>
      {form}
    </details>
  );
}

/**
 * The badge colour, with its contrast against the badge's white text checked
 * as the admin types (the server refuses less than 4.5:1 on submit, with the
 * same numbers). The preview badge appears only for a colour that passes, so
 * that the page itself never shows unreadable text.
 */
function ColourField({ id, initial, errors, previewLabel }: { id: string; initial: string; errors?: string[]; previewLabel: string }) {
  const t = useTranslations('ratingsAdmin.form');
  const [colour, setColour] = useState(initial);
  const typed = colour.trim().toLowerCase();
  const ratio = contrastWithWhiteText(typed);
  const passes = ratio !== null && ratio >= MIN_RATING_CONTRAST;
  const check =
    ratio === null
      ? t('contrastUnknown')
      : t(passes ? 'contrastOk' : 'contrastLow', { ratio: roundedRatio(ratio), min: MIN_RATING_CONTRAST });
  return (
    <Field
      id={id}
      name="colour"
      label={t('colour')}
      hint={
        <>
          {t('colourHint', { min: MIN_RATING_CONTRAST })}{' '}
          <span aria-live="polite" className={passes ? undefined : 'contrast-low'}>
            {typed === '' ? null : check}
          </span>{' '}
          {passes && (
            <span className="contrast-preview">
              {t('preview')}{' '}
              <span className="rating" style={{ backgroundColor: typed }}>
                {previewLabel}
              </span>
            </span>
          )}
        </>
      }
      errors={errors}
    >
      {(control) => (
        <input
          {...control}
          className="narrow-input"
          value={colour}
          onChange={(event) => setColour(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder="#9a6700"
        />
      )}
    </Field>
  );
}
