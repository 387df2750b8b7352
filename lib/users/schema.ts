import { z } from 'zod';
import { idField, intField, singleLineText } from '../validation/fields';

// Account administration forms, and the same rules for scripts/create-user.ts.

export const roles = ['EDITOR', 'MODERATOR', 'ADMIN'] as const;
export type RoleValue = (typeof roles)[number];

export const roleLabel: Record<RoleValue, string> = { EDITOR: 'Editor', MODERATOR: 'Moderator', ADMIN: 'Admin' };

const roleField = z.enum(roles, { error: 'Choose a role: Editor, Moderator or Admin.' });

/** Stored lower-cased so that sign-in and the uniqueness check ignore case. */
export const accountEmailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address, such as ada@newsroom.org.').max(320, 'The email address must be 320 characters or fewer.'));

const nameField = singleLineText({ label: 'The name', max: 100, required: "Enter the person's name." });

export const createUserSchema = z.object({
  email: accountEmailSchema,
  name: nameField,
  role: roleField,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

const userIdField = idField('The account is missing: reload the page.');
const versionField = intField({ min: 1, message: 'The form is out of date: reload the page.' });

export const changeUserRoleSchema = z.object({ userId: userIdField, version: versionField, role: roleField });
export type ChangeUserRoleInput = z.infer<typeof changeUserRoleSchema>;

export const userActivationSchema = z.object({ userId: userIdField, version: versionField });
export type UserActivationInput = z.infer<typeof userActivationSchema>;

/** Unlocking needs no version: it changes no field of the account, and twice is the same as once. */
export const unlockSignInSchema = z.object({ userId: userIdField });
export type UnlockSignInInput = z.infer<typeof unlockSignInSchema>;

/** `npm run user:create -- --email … --role … [--name …]`: the name defaults to the email's local part. */
export const cliCreateUserSchema = z
  .object({
    email: accountEmailSchema,
    role: z
      .string({ error: 'Give a role with --role EDITOR, MODERATOR or ADMIN.' })
      .trim()
      .toUpperCase()
      .pipe(z.enum(roles, { error: 'The role must be EDITOR, MODERATOR or ADMIN.' })),
    name: nameField.optional(),
  })
  .transform(({ email, role, name }) => ({ email, role, name: name ?? email.split('@')[0] ?? email }));
