-- The characters and character pairs of a name, for substring search on Chinese names through a GIN index.
CREATE OR REPLACE FUNCTION gx_name_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) i
  ) s
$$;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_grams" text[] GENERATED ALWAYS AS (gx_name_grams(name)) STORED;--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "enterprises_name_grams_idx" ON "enterprises" USING gin ("name_grams");