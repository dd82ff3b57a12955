CREATE TABLE "indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"kind" text NOT NULL,
	"frequency" text NOT NULL,
	"cumulative" boolean NOT NULL,
	"source_zh" text NOT NULL,
	"precision" smallint NOT NULL,
	"direction" text NOT NULL,
	"threshold_basis" text NOT NULL,
	"alarm_threshold" numeric(18, 4) NOT NULL,
	"excellence_threshold" numeric(18, 4) NOT NULL,
	"computed" boolean NOT NULL,
	"sort_order" smallint NOT NULL,
	CONSTRAINT "indicators_kind" CHECK ("indicators"."kind" in ('growth', 'level')),
	CONSTRAINT "indicators_frequency" CHECK ("indicators"."frequency" in ('monthly', 'quarterly', 'annual')),
	CONSTRAINT "indicators_direction" CHECK ("indicators"."direction" in ('higherIsBetter', 'lowerIsBetter'))
);
--> statement-breakpoint
CREATE TABLE "official_stats" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"indicator_id" text NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"unit" text NOT NULL,
	"source" text,
	"revision" integer NOT NULL,
	"batch_id" integer,
	"source_row" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"revision_reason" text,
	CONSTRAINT "official_stats_month" CHECK ("official_stats"."month" between 1 and 12),
	CONSTRAINT "official_stats_revision" CHECK ("official_stats"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"indicator_id" text NOT NULL,
	"target" numeric(18, 4) NOT NULL,
	"unit" text NOT NULL,
	"revision" integer NOT NULL,
	"batch_id" integer,
	"source_row" integer,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"revision_reason" text,
	CONSTRAINT "targets_revision" CHECK ("targets"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "official_stats" ADD CONSTRAINT "official_stats_region_code_divisions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_stats" ADD CONSTRAINT "official_stats_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_stats" ADD CONSTRAINT "official_stats_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_region_code_divisions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "official_stats_current_uq" ON "official_stats" USING btree ("region_code","indicator_id","year","month") WHERE "official_stats"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "official_stats_revision_uq" ON "official_stats" USING btree ("region_code","indicator_id","year","month","revision");--> statement-breakpoint
CREATE INDEX "official_stats_period_idx" ON "official_stats" USING btree ("year","month","indicator_id") WHERE "official_stats"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "official_stats_batch_idx" ON "official_stats" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_current_uq" ON "targets" USING btree ("region_code","indicator_id","year") WHERE "targets"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_revision_uq" ON "targets" USING btree ("region_code","indicator_id","year","revision");--> statement-breakpoint
CREATE INDEX "targets_year_idx" ON "targets" USING btree ("year") WHERE "targets"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "targets_batch_idx" ON "targets" USING btree ("batch_id");