'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/app/components/form/field';
import { FormMessage } from '@/app/components/form/form-message';
import { useActionForm } from '@/app/components/form/use-action-form';
import { createClaimantAction, updateClaimantAction } from '@/lib/claimants/actions';
import { ClaimantKindOptions } from './claimant-kind-options';

export type ClaimantFormInitial = {
  id: string | null;
  version: number | null;
  name: string;
  kind: string;
  aliases: string;
  country: string;
  description: string;
  /** One address per line. */
  sameAs: string;
};

type ClaimantFormResult = Awaited<ReturnType<typeof updateClaimantAction>> | Awaited<ReturnType<typeof createClaimantAction>>;

/** Creates a claimant (then opens it) or edits one, with optimistic locking on `version`. */
export function ClaimantForm({ initial }: { initial: ClaimantFormInitial }) {
  const t = useTranslations('claimants.form');
  const { state, formAction, formRef, formKey, pending, failure, errorsOf, valueOf } = useActionForm<ClaimantFormResult>(
    initial.id ? updateClaimantAction : createClaimantAction,
  );
  const version = state?.ok && 'version' in state.data ? state.data.version : (failure?.values?.version ?? initial.version);

  return (
    <form key={formKey} ref={formRef} action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {version !== null && <input type="hidden" name="version" value={version} />}
      <Field id="claimant-name" name="name" label={t('name.label')} errors={errorsOf('name')}>
        {(control) => <input {...control} type="text" autoComplete="off" defaultValue={valueOf('name', initial.name)} />}
      </Field>
      <Field id="claimant-kind" name="kind" label={t('kind.label')} errors={errorsOf('kind')}>
        {(control) => (
          <select {...control} defaultValue={valueOf('kind', initial.kind)}>
            <ClaimantKindOptions />
          </select>
        )}
      </Field>
      <Field id="claimant-aliases" name="aliases" label={t('aliases.label')} hint={t('aliases.hint')} errors={errorsOf('aliases')}>
        {(control) => <textarea {...control} rows={3} className="short" defaultValue={valueOf('aliases', initial.aliases)} />}
      </Field>
      <Field id="claimant-country" name="country" label={t('country.label')} hint={t('country.hint')} errors={errorsOf('country')}>
        {(control) => <input {...control} type="text" autoComplete="off" defaultValue={valueOf('country', initial.country)} />}
      </Field>
      <Field id="claimant-description" name="description" label={t('description.label')} errors={errorsOf('description')}>
        {(control) => <textarea {...control} lang="fr" rows={3} className="short" defaultValue={valueOf('description', initial.description)} />}
      </Field>
      <Field id="claimant-same-as" name="sameAs" label={t('sameAs.label')} hint={t('sameAs.hint')} errors={errorsOf('sameAs')}>
        {(control) => (
          <textarea {...control} rows={3} className="short" inputMode="url" spellCheck={false} autoComplete="off" defaultValue={valueOf('sameAs', initial.sameAs)} />
        )}
      </Field>
      <button type="submit" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  );
}
