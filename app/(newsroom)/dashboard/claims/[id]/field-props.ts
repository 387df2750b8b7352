import type { FieldErrors } from '@/lib/actions/result';

/**
 * aria-invalid and aria-describedby for an input whose error is shown by
 * <FieldError id={`${id}-error`}>, plus the ids of its hints.
 */
export function invalidProps(id: string, fieldErrors: FieldErrors | undefined, field: string, ...hintIds: string[]) {
  const invalid = !!fieldErrors?.[field]?.length;
  const describedBy = [...(invalid ? [`${id}-error`] : []), ...hintIds].join(' ');
  return { 'aria-invalid': invalid, 'aria-describedby': describedBy || undefined } as const;
}
