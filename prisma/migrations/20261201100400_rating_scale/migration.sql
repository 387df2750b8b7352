-- Two badges of the default rating scale failed WCAG AA contrast against their
-- white text: "mostly-true" #4d9a2a (3.51:1) and "mixed" #b08800 (3.29:1).
-- They become #4a7d17 (4.95:1) and #9a6700 (4.86:1), the same hues darkened,
-- as seed/data/ratings.ts now has them. Only a row still holding the old
-- colour changes: a colour the newsroom chose itself is kept. Each change
-- bumps the row's version (a rating form opened before it is stale) and is
-- audited, with no actor, like the seed's rows.
WITH "recoloured" AS (
  UPDATE "ratings" AS r
  SET "colour" = v."new_colour", "version" = r."version" + 1
  FROM (VALUES ('mostly-true', '#4d9a2a', '#4a7d17'), ('mixed', '#b08800', '#9a6700')) AS v("key", "old_colour", "new_colour")
  WHERE r."key" = v."key" AND lower(r."colour") = v."old_colour"
  RETURNING r."id", r."key", r."version", v."old_colour", v."new_colour"
)
INSERT INTO "audit_events" ("id", "actor_id", "action", "entity_type", "entity_id", "before", "after")
SELECT 'migration_rating_scale_' || "key", NULL, 'migration.rating.update', 'Rating', "id",
       jsonb_build_object('key', "key", 'colour', "old_colour", 'version', "version" - 1),
       jsonb_build_object('key', "key", 'colour', "new_colour", 'version', "version")
FROM "recoloured";
