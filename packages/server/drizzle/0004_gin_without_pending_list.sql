-- PGlite has no autovacuum to merge a GIN index's pending list: every search would scan up to 4 MB of
-- unmerged entries after a bulk load (measured: registry search p95 122 ms). Without the list, inserts update
-- the index directly.
DROP INDEX "enterprises_name_grams_idx";--> statement-breakpoint
CREATE INDEX "enterprises_name_grams_idx" ON "enterprises" USING gin ("name_grams") WITH (fastupdate=off);