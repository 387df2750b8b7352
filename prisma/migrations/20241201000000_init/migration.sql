-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('EDITOR', 'MODERATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "ClaimantKind" AS ENUM ('PERSON', 'ORGANISATION', 'GOVERNMENT', 'MEDIA');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "AppearanceStance" AS ENUM ('ASSERTS', 'REPORTS', 'DENIES');

-- CreateEnum
CREATE TYPE "VerdictState" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "EvidenceStance" AS ENUM ('SUPPORTS', 'REFUTES', 'CONTEXT');

-- CreateEnum
CREATE TYPE "ClaimRelationType" AS ENUM ('CONTRADICTS', 'SUPPORTS', 'SAME_AS', 'RELATED');

-- CreateEnum
CREATE TYPE "DisputeKind" AS ENUM ('WRONG_RATING', 'MISQUOTED', 'MISSING_CONTEXT', 'OTHER');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'TRIAGED', 'ESCALATED', 'UPHELD', 'REJECTED', 'DUPLICATE');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'EDITOR',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "password_hash" TEXT,
    "email_verified" TIMESTAMP(3),
    "image" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "sign_in_attempts" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "attempted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" TEXT NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "publisher" TEXT,
    "author" TEXT,
    "language" TEXT NOT NULL,
    "published_at" DATE,
    "retrieved_at" TIMESTAMP(3) NOT NULL,
    "raw_text" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claimants" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ClaimantKind" NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "country" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claimants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "summary" VARCHAR(75) NOT NULL,
    "language" TEXT NOT NULL,
    "claimant_id" TEXT NOT NULL,
    "claimed_at" DATE,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "ClaimStatus" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMP(3),
    "archived_at" TIMESTAMP(3),
    "archive_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "updated_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appearances" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "speaker_id" TEXT NOT NULL,
    "stance" "AppearanceStance" NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "appearances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_relations" (
    "id" TEXT NOT NULL,
    "from_claim_id" TEXT NOT NULL,
    "to_claim_id" TEXT NOT NULL,
    "type" "ClaimRelationType" NOT NULL,
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_relations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ratings" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label_fr" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "description_fr" TEXT NOT NULL,
    "description_en" TEXT NOT NULL,
    "value" INTEGER,
    "colour" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verdicts" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "rating_id" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "as_of" DATE NOT NULL,
    "author_id" TEXT NOT NULL,
    "reviewer_id" TEXT,
    "state" "VerdictState" NOT NULL DEFAULT 'DRAFT',
    "submitted_at" TIMESTAMP(3),
    "published_at" TIMESTAMP(3),
    "superseded_at" TIMESTAMP(3),
    "supersedes_id" TEXT,
    "correction_note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verdict_reviews" (
    "id" TEXT NOT NULL,
    "verdict_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verdict_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" TEXT NOT NULL,
    "verdict_id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "stance" "EvidenceStance" NOT NULL,
    "note" TEXT,
    "exact" TEXT,
    "prefix" TEXT,
    "suffix" TEXT,
    "start" INTEGER,
    "end" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "corrections" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "from_verdict_id" TEXT NOT NULL,
    "to_verdict_id" TEXT NOT NULL,
    "from_rating_id" TEXT NOT NULL,
    "to_rating_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "author_id" TEXT,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "corrections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "verdict_id" TEXT NOT NULL,
    "kind" "DisputeKind" NOT NULL,
    "message" TEXT NOT NULL,
    "evidence_url" TEXT,
    "contact_email" TEXT,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "moderator_id" TEXT,
    "resolution_note" TEXT,
    "duplicate_of_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_status_changes" (
    "id" TEXT NOT NULL,
    "dispute_id" TEXT NOT NULL,
    "from_status" "DisputeStatus",
    "to_status" "DisputeStatus" NOT NULL,
    "actor_id" TEXT,
    "note" TEXT,
    "changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispute_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");

-- CreateIndex
CREATE INDEX "sign_in_attempts_key_attempted_at_idx" ON "sign_in_attempts"("key", "attempted_at");

-- CreateIndex
CREATE UNIQUE INDEX "sources_url_key" ON "sources"("url");

-- CreateIndex
CREATE UNIQUE INDEX "sources_sha256_key" ON "sources"("sha256");

-- CreateIndex
CREATE INDEX "sources_created_by_id_idx" ON "sources"("created_by_id");

-- CreateIndex
CREATE INDEX "sources_published_at_idx" ON "sources"("published_at");

-- CreateIndex
CREATE INDEX "sources_created_at_idx" ON "sources"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "claimants_slug_key" ON "claimants"("slug");

-- CreateIndex
CREATE INDEX "claimants_name_idx" ON "claimants"("name");

-- CreateIndex
CREATE INDEX "claimants_kind_idx" ON "claimants"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "claims_slug_key" ON "claims"("slug");

-- CreateIndex
CREATE INDEX "claims_claimant_id_idx" ON "claims"("claimant_id");

-- CreateIndex
CREATE INDEX "claims_status_published_at_id_idx" ON "claims"("status", "published_at" DESC, "id");

-- CreateIndex
CREATE INDEX "claims_status_updated_at_id_idx" ON "claims"("status", "updated_at" DESC, "id");

-- CreateIndex
CREATE INDEX "claims_created_by_id_idx" ON "claims"("created_by_id");

-- CreateIndex
CREATE INDEX "claims_updated_by_id_idx" ON "claims"("updated_by_id");

-- CreateIndex
CREATE INDEX "claims_claimed_at_idx" ON "claims"("claimed_at");

-- CreateIndex
CREATE INDEX "claims_tags_idx" ON "claims" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "appearances_source_id_idx" ON "appearances"("source_id");

-- CreateIndex
CREATE INDEX "appearances_speaker_id_idx" ON "appearances"("speaker_id");

-- CreateIndex
CREATE INDEX "appearances_created_by_id_idx" ON "appearances"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "appearances_claim_id_source_id_start_end_key" ON "appearances"("claim_id", "source_id", "start", "end");

-- CreateIndex
CREATE INDEX "claim_relations_to_claim_id_idx" ON "claim_relations"("to_claim_id");

-- CreateIndex
CREATE INDEX "claim_relations_created_by_id_idx" ON "claim_relations"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_relations_from_claim_id_to_claim_id_type_key" ON "claim_relations"("from_claim_id", "to_claim_id", "type");

-- CreateIndex
CREATE UNIQUE INDEX "ratings_key_key" ON "ratings"("key");

-- CreateIndex
CREATE INDEX "ratings_position_idx" ON "ratings"("position");

-- CreateIndex
CREATE UNIQUE INDEX "verdicts_supersedes_id_key" ON "verdicts"("supersedes_id");

-- CreateIndex
CREATE INDEX "verdicts_claim_id_state_idx" ON "verdicts"("claim_id", "state");

-- CreateIndex
CREATE INDEX "verdicts_rating_id_idx" ON "verdicts"("rating_id");

-- CreateIndex
CREATE INDEX "verdicts_author_id_state_idx" ON "verdicts"("author_id", "state");

-- CreateIndex
CREATE INDEX "verdicts_reviewer_id_idx" ON "verdicts"("reviewer_id");

-- CreateIndex
CREATE INDEX "verdicts_state_submitted_at_idx" ON "verdicts"("state", "submitted_at");

-- CreateIndex
CREATE INDEX "verdicts_published_at_idx" ON "verdicts"("published_at");

-- CreateIndex
CREATE UNIQUE INDEX "verdicts_claim_id_number_key" ON "verdicts"("claim_id", "number");

-- CreateIndex
CREATE INDEX "verdict_reviews_verdict_id_created_at_idx" ON "verdict_reviews"("verdict_id", "created_at");

-- CreateIndex
CREATE INDEX "verdict_reviews_reviewer_id_idx" ON "verdict_reviews"("reviewer_id");

-- CreateIndex
CREATE INDEX "evidence_verdict_id_position_idx" ON "evidence"("verdict_id", "position");

-- CreateIndex
CREATE INDEX "evidence_source_id_idx" ON "evidence"("source_id");

-- CreateIndex
CREATE UNIQUE INDEX "corrections_from_verdict_id_key" ON "corrections"("from_verdict_id");

-- CreateIndex
CREATE UNIQUE INDEX "corrections_to_verdict_id_key" ON "corrections"("to_verdict_id");

-- CreateIndex
CREATE INDEX "corrections_claim_id_published_at_idx" ON "corrections"("claim_id", "published_at");

-- CreateIndex
CREATE INDEX "corrections_published_at_idx" ON "corrections"("published_at");

-- CreateIndex
CREATE INDEX "corrections_from_rating_id_idx" ON "corrections"("from_rating_id");

-- CreateIndex
CREATE INDEX "corrections_to_rating_id_idx" ON "corrections"("to_rating_id");

-- CreateIndex
CREATE INDEX "corrections_author_id_idx" ON "corrections"("author_id");

-- CreateIndex
CREATE INDEX "disputes_claim_id_idx" ON "disputes"("claim_id");

-- CreateIndex
CREATE INDEX "disputes_verdict_id_idx" ON "disputes"("verdict_id");

-- CreateIndex
CREATE INDEX "disputes_status_created_at_idx" ON "disputes"("status", "created_at");

-- CreateIndex
CREATE INDEX "disputes_moderator_id_idx" ON "disputes"("moderator_id");

-- CreateIndex
CREATE INDEX "disputes_duplicate_of_id_idx" ON "disputes"("duplicate_of_id");

-- CreateIndex
CREATE INDEX "dispute_status_changes_dispute_id_changed_at_idx" ON "dispute_status_changes"("dispute_id", "changed_at");

-- CreateIndex
CREATE INDEX "dispute_status_changes_actor_id_idx" ON "dispute_status_changes"("actor_id");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_at_idx" ON "audit_events"("entity_type", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_at_idx" ON "audit_events"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_claimant_id_fkey" FOREIGN KEY ("claimant_id") REFERENCES "claimants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appearances" ADD CONSTRAINT "appearances_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appearances" ADD CONSTRAINT "appearances_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appearances" ADD CONSTRAINT "appearances_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "claimants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appearances" ADD CONSTRAINT "appearances_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_from_claim_id_fkey" FOREIGN KEY ("from_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_to_claim_id_fkey" FOREIGN KEY ("to_claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_relations" ADD CONSTRAINT "claim_relations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_rating_id_fkey" FOREIGN KEY ("rating_id") REFERENCES "ratings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdicts" ADD CONSTRAINT "verdicts_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_reviews" ADD CONSTRAINT "verdict_reviews_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict_reviews" ADD CONSTRAINT "verdict_reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_from_verdict_id_fkey" FOREIGN KEY ("from_verdict_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_to_verdict_id_fkey" FOREIGN KEY ("to_verdict_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_from_rating_id_fkey" FOREIGN KEY ("from_rating_id") REFERENCES "ratings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_to_rating_id_fkey" FOREIGN KEY ("to_rating_id") REFERENCES "ratings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdicts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_moderator_id_fkey" FOREIGN KEY ("moderator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "disputes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_status_changes" ADD CONSTRAINT "dispute_status_changes_dispute_id_fkey" FOREIGN KEY ("dispute_id") REFERENCES "disputes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_status_changes" ADD CONSTRAINT "dispute_status_changes_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

