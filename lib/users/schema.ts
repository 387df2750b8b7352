import { z } from 'zod';
import { message } from '../i18n/message';
import { locales } from '../i18n/locales';
import { idField, intField, singleLineText } from '../validation/fields';

// Account administration forms, the user's own account forms, and the same
// rules for scripts/create-user.ts. Messages are catalogue keys (namespace
// "users" and "account"): lib/i18n/message.ts.

export const roles = ['EDITOR', 'MODERATOR', 'ADMIN'] as const;
export type RoleValue = (typeof roles)[number];

const roleField = z.enum(roles, { error: message('users.validation.role') });

/** Stored lower-cased so that sign-in and the uniqueness check ignore case. */
export const accountEmailSchema = z
  .string({ error: message('users.validation.emailRequired') })
  .trim()
  .toLowerCase()
  .pipe(z.email(message('users.validation.emailInvalid')).max(320, message('users.validation.emailTooLong')));

const nameField = singleLineText({ label: 'The name', max: 100, required: message('users.validation.nameRequired') });

export const createUserSchema = z.object({
  email: accountEmailSchema,
  name: nameField,
  role: roleField,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

const userIdField = idField(message('users.validation.accountMissing'));
const versionField = intField({ min: 1, message: message('users.validation.outOfDate') });

export const changeUserRoleSchema = z.object({ userId: userIdField, version: versionField, role: roleField });
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleSchema>;

export const userActivationSchema = z.object({ userId: userIdField, version: versionField });
export type UserActivationInput = z.infer<typeof userActivationSchema>;

/** A new one-time password for the account: carries the version, like every change an admin makes to an account. */
export const resetUserPasswordSchema = z.object({ userId: userIdField, version: versionField });
export type ResetUserPasswordInput = z.infer<typeof resetUserPasswordSchema>;

/** Unlocking needs no version: it changes no field of the account, and twice is the same as once. */
export const unlockSignInSchema = z.object({ userId: userIdField });
export type UnlockSignInInput = z.infer<typeof unlockSignInSchema>;

/** The dashboard language the user picks in the nav. */
export const dashboardLocaleSchema = z.object({ locale: z.enum(locales, { error: message('account.validation.locale') }) });
export type DashboardLocaleInput = z.infer<typeof dashboardLocaleSchema>;

/**
 * Long enough to resist guessing (NIST SP 800-63B asks for at least 8; a
 * newsroom account can publish in the organisation's name), at most what the
 * sign-in form accepts. No composition rules: length is what counts.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The user's own password change. Passwords are never trimmed: a space is a
 * character like any other. The current one is checked by the mutation.
 */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: message('account.validation.currentRequired') })
      .min(1, message('account.validation.currentRequired'))
      .max(MAX_PASSWORD_LENGTH, message('account.errors.currentWrong')),
    newPassword: z
      .string({ error: message('account.validation.newRequired') })
      // One message per field: an empty field is not also "too short".
      .min(1, { error: message('account.validation.newRequired'), abort: true })
      .min(MIN_PASSWORD_LENGTH, message('account.validation.newTooShort', { min: MIN_PASSWORD_LENGTH }))
      .max(MAX_PASSWORD_LENGTH, message('account.validation.newTooLong', { max: MAX_PASSWORD_LENGTH })),
    confirmPassword: z.string({ error: message('account.validation.confirmRequired') }),
  })
  .superRefine((form, ctx) => {
    if (form.confirmPassword !== form.newPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: message('account.validation.confirmMismatch') });
    }
    if (form.newPassword !== '' && form.newPassword === form.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: message('account.validation.newSameAsCurrent') });
    }
  });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

/** `npm run user:create -- --email … --role … [--name …]`: the name defaults to the email's local part. */
export const cliCreateUserSchema = z
  .object({
    email: accountEmailSchema,
    role: z
      .string({ error: message('users.validation.cliRoleMissing') })
      .trim()
      .toUpperCase()
      .pipe(z.enum(roles, { error: message('users.validation.cliRole') })),
    name: nameField.optional(),
  })
  .transform(({ email, role, name }) => ({ email, role, name: name ?? email.split('@')[0] ?? email }));
