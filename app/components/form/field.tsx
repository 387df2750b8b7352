import type { ReactNode } from 'react';

/** What a field's control needs to be labelled, described and marked invalid. */
export type FieldControlProps = {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

type FieldProps = {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The field's own errors, shown under it and announced with it. */
  errors?: string[];
  /** A checkbox or radio reads better with its label after it. */
  layout?: 'stacked' | 'inline';
  /** More ids that describe the control (a counter, an example). */
  describedBy?: string[];
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * One form field: label, control, hint and error, with the ids,
 * `aria-invalid` and `aria-describedby` wired in one place. The control is
 * the caller's (input, textarea, select…): it receives the props to spread.
 */
export function Field({ id, name, label, hint, errors, layout = 'stacked', describedBy = [], className, children }: FieldProps) {
  const invalid = !!errors && errors.length > 0;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = invalid ? `${id}-error` : null;
  const described = [errorId, hintId, ...describedBy].filter((value): value is string => !!value).join(' ');
  const control = children({ id, name, 'aria-invalid': invalid, 'aria-describedby': described || undefined });
  const labelElement = <label htmlFor={id}>{label}</label>;
  return (
    <div className={['field', layout === 'inline' ? 'field-inline' : null, className].filter(Boolean).join(' ')}>
      {layout === 'inline' ? (
        <span className="field-inline-row">
          {control} {labelElement}
        </span>
      ) : (
        <>
          {labelElement}
          {control}
        </>
      )}
      {hintId && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field-error">
          {errors?.join(' ')}
        </p>
      )}
    </div>
  );
}
