-- The dashboard's language, a setting of each account ('fr' or 'en'); null
-- until the user chooses, meaning "the browser's language".
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
