-- The insights triggers' cost a row (docs/benchmarks/results.md, "Triggers that read their key column by name").
-- Run with psql on a throwaway copy of a generated database, before and after the migration InsightsTriggersReadTheirKeys:
--   createdb -T <generated> tptrig
--   psql -d tptrig -f docs/benchmarks/insights-triggers.sql    (the first run also adds the 3,000 drafts)
-- Every measured statement runs in a transaction that is rolled back, so runs can be repeated on the same copy.
\pset footer off

-- A generated database holds almost no drafts: copy 3,000 sent referrals as drafts, once.
INSERT INTO "Referrals"
SELECT (jsonb_populate_record(NULL::"Referrals", to_jsonb(r) || jsonb_build_object(
    'Id', gen_random_uuid(), 'Status', 'Draft', 'Reference', NULL, 'IdempotencyKey', gen_random_uuid()::text,
    'SubmittedAt', NULL))).*
FROM "Referrals" r
WHERE r."Status" <> 'Draft' AND (SELECT count(*) FROM "Referrals" WHERE "Status" = 'Draft') < 3000
ORDER BY r."Id" DESC
LIMIT 3000;
VACUUM ANALYZE "Referrals";

CREATE TEMP TABLE sent AS SELECT "Id" FROM "Referrals" WHERE "Status" <> 'Draft' ORDER BY "Id" LIMIT 3000;
CREATE TEMP TABLE drafts AS SELECT "Id" FROM "Referrals" WHERE "Status" = 'Draft' ORDER BY "Id" LIMIT 3000;

-- Warm the cache once, unmeasured.
\o /dev/null
BEGIN; UPDATE "Referrals" r SET "UpdatedAt" = r."UpdatedAt" + interval '1 s' FROM sent WHERE sent."Id" = r."Id"; ROLLBACK;
\o

-- Each twice: an update of 3,000 sent referrals, of 3,000 drafts, and a quality flag inserted for 3,000 sent referrals.
BEGIN; EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
UPDATE "Referrals" r SET "UpdatedAt" = r."UpdatedAt" + interval '1 s' FROM sent WHERE sent."Id" = r."Id"; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
UPDATE "Referrals" r SET "UpdatedAt" = r."UpdatedAt" + interval '1 s' FROM sent WHERE sent."Id" = r."Id"; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
UPDATE "Referrals" r SET "UpdatedAt" = r."UpdatedAt" + interval '1 s' FROM drafts WHERE drafts."Id" = r."Id"; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
UPDATE "Referrals" r SET "UpdatedAt" = r."UpdatedAt" + interval '1 s' FROM drafts WHERE drafts."Id" = r."Id"; ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
INSERT INTO "ReferralQualityFlags" ("ReferralId", "Kind", "Field") SELECT "Id", 'UnknownTerm', 'WhatHappened' FROM sent;
ROLLBACK;
BEGIN; EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON)
INSERT INTO "ReferralQualityFlags" ("ReferralId", "Kind", "Field") SELECT "Id", 'UnknownTerm', 'WhatHappened' FROM sent;
ROLLBACK;
