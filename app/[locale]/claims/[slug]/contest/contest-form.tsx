'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { submitDisputeAction } from '@/lib/disputes/actions';
import { disputeKinds, EXPLANATION_MAX_LENGTH, EXPLANATION_MIN_LENGTH, HONEYPOT_FIELD } from '@/lib/disputes/schema';

const FIELDS_IN_ORDER = ['kind', 'explanation', 'evidenceUrl', 'email', 'publishConsent'] as const;

type Props = { claimSlug: string; locale: string; formToken: string };

/** Works without JavaScript: the action answers the posted form with the page and its result. */
export function ContestForm({ claimSlug, locale, formToken }: Props) {
  const t = useTranslations('contestForm');
  const kindLabel = useTranslations('disputes.kind');
  const { state, formAction, pending, formRef, formKey, errorsOf, valueOf } = useActionForm(submitDisputeAction);
  // Reader pages are served without scripts (scripts/public-html.mjs), so useActionForm's
  // focus effect never runs here: the first field in error gets `autofocus` instead.
  const firstInvalid = FIELDS_IN_ORDER.find((name) => errorsOf(name));
  return (
    <form ref={formRef} key={formKey} action={formAction} className="form dispute-form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="claimSlug" value={claimSlug} />
      <input type="hidden" name="formToken" value={formToken} />
      <input type="hidden" name="locale" value={locale} />
      <Field id="dispute-kind" name="kind" label={t('kind.label')} errors={errorsOf('kind')}>
        {(control) => (
          <select {...control} autoFocus={firstInvalid === 'kind'} defaultValue={valueOf('kind', '')} required>
            <option value="" disabled>
              {t('kind.choose')}
            </option>
            {disputeKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="dispute-explanation"
        name="explanation"
        label={t('explanation.label')}
        hint={t('explanation.hint', { min: EXPLANATION_MIN_LENGTH, max: EXPLANATION_MAX_LENGTH })}
        errors={errorsOf('explanation')}
      >
        {(control) => <textarea {...control} autoFocus={firstInvalid === 'explanation'} rows={8} required defaultValue={valueOf('explanation', '')} />}
      </Field>
      <Field id="dispute-evidence-url" name="evidenceUrl" label={t('evidenceUrl.label')} hint={t('evidenceUrl.hint')} errors={errorsOf('evidenceUrl')}>
        {(control) => <input {...control} autoFocus={firstInvalid === 'evidenceUrl'} type="url" inputMode="url" autoComplete="url" defaultValue={valueOf('evidenceUrl', '')} />}
      </Field>
      <Field id="dispute-email" name="email" label={t('email.label')} hint={t('email.hint')} errors={errorsOf('email')}>
        {(control) => <input {...control} autoFocus={firstInvalid === 'email'} type="email" autoComplete="email" defaultValue={valueOf('email', '')} />}
      </Field>
      <Field
        id="dispute-publish-consent"
        name="publishConsent"
        label={t('publishConsent.label')}
        hint={t('publishConsent.hint')}
        layout="inline"
        errors={errorsOf('publishConsent')}
      >
        {(control) => <input {...control} autoFocus={firstInvalid === 'publishConsent'} type="checkbox" defaultChecked={valueOf('publishConsent', '') === 'on'} />}
      </Field>
      <div className="contest-honeypot" aria-hidden="true">
        <label htmlFor="dispute-website">{t('honeypot.label')}</label>
        <input id="dispute-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <p>
        <button type="submit" disabled={pending}>
          {pending ? t('pending') : t('submit')}
        </button>
      </p>
    </form>
  );
}
