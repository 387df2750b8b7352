-- Accounts given a one-time password (created by an admin or the CLI, or
-- reset by an admin) must set their own on their next sign-in; until then the
-- dashboard only lets them do that (lib/auth/actor.ts).
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;

-- The dashboard language is one of the interface's languages, or null (the browser's).
ALTER TABLE "users" ADD CONSTRAINT "users_locale_is_interface_language" CHECK ("locale" IS NULL OR "locale" IN ('fr', 'en'));
