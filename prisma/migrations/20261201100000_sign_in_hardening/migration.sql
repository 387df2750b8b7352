-- Sign-in hardening (issue 6): a session epoch per user, checked on every
-- request, so that signing out, deactivation and a role change end the
-- sessions already issued; and an index for pruning old sign-in attempts.

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_epoch" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "sign_in_attempts_attempted_at_idx" ON "sign_in_attempts"("attempted_at");
