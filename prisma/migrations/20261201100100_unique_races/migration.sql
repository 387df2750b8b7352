-- Two editors (or one double click) creating the same thing at once: the
-- mutations check before they insert, but neither transaction can see the
-- other's uncommitted row, so both inserted. These indexes make the second
-- insert fail; lib/claimants/mutations.ts and lib/relations/mutations.ts turn
-- the violation into their usual "already exists" message (runMutation's
-- uniqueViolations). Expression and partial indexes are raw SQL: Prisma's
-- schema cannot express them, and its diff ignores them.

-- One claimant per name (ignoring case, as the mutation's check does) and
-- country. If this fails on an existing database, merge the claimants it
-- names first (move their claims and appearances, then delete the copy).
CREATE UNIQUE INDEX "claimants_name_country_key" ON "claimants" (lower("name"), coalesce("country", ''));

-- A SAME_AS B and B SAME_AS A say the same thing: one row per unordered pair
-- for the symmetric types (lib/relations/schema.ts symmetricRelationTypes;
-- lib/claimants/races.test.ts checks that the two lists agree). Copies
-- already stored in the other direction are dropped first, keeping the
-- oldest.
DELETE FROM "claim_relations" AS later
USING "claim_relations" AS earlier
WHERE later."type" IN ('SAME_AS', 'RELATED')
  AND later."type" = earlier."type"
  AND later."from_claim_id" = earlier."to_claim_id"
  AND later."to_claim_id" = earlier."from_claim_id"
  AND (later."created_at", later."id") > (earlier."created_at", earlier."id");

CREATE UNIQUE INDEX "claim_relations_symmetric_pair_key" ON "claim_relations"
  (least("from_claim_id", "to_claim_id"), greatest("from_claim_id", "to_claim_id"), "type")
  WHERE "type" IN ('SAME_AS', 'RELATED');
