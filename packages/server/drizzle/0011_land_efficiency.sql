CREATE TABLE "land_annual_data" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"revision" integer NOT NULL,
	"land_mu" numeric(16, 4),
	"tax" numeric(16, 4),
	"value_added" numeric(16, 4),
	"revenue" numeric(16, 4),
	"main_revenue" numeric(16, 4),
	"energy_tce" numeric(16, 4),
	"electricity" numeric(16, 4),
	"emissions" numeric(16, 4),
	"rd_expense" numeric(16, 4),
	"employees" integer,
	"renovation_investment" numeric(16, 4),
	"sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"batch_id" integer,
	"source_row" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"revision_reason" text,
	CONSTRAINT "land_annual_data_revision" CHECK ("land_annual_data"."revision" >= 1),
	CONSTRAINT "land_annual_data_land" CHECK ("land_annual_data"."land_mu" is null or "land_annual_data"."land_mu" >= 0)
);
--> statement-breakpoint
CREATE TABLE "land_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"region_prefix" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "land_evaluations_status" CHECK ("land_evaluations"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "land_results" (
	"evaluation_id" integer NOT NULL,
	"enterprise_id" integer NOT NULL,
	"county_code" char(6) NOT NULL,
	"industry" char(2),
	"class" char(1) NOT NULL,
	"total" numeric(12, 4),
	"rank" integer,
	"unit_key" text NOT NULL,
	"detail" jsonb NOT NULL,
	CONSTRAINT "land_results_evaluation_id_enterprise_id_pk" PRIMARY KEY("evaluation_id","enterprise_id"),
	CONSTRAINT "land_results_class" CHECK ("land_results"."class" in ('A', 'B', 'C', 'D', 'T'))
);
--> statement-breakpoint
CREATE TABLE "land_schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"region" text NOT NULL,
	"year" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "land_annual_data" ADD CONSTRAINT "land_annual_data_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_annual_data" ADD CONSTRAINT "land_annual_data_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_evaluations" ADD CONSTRAINT "land_evaluations_scheme_id_land_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."land_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_results" ADD CONSTRAINT "land_results_evaluation_id_land_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."land_evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_results" ADD CONSTRAINT "land_results_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "land_annual_data_current_uq" ON "land_annual_data" USING btree ("enterprise_id","year") WHERE "land_annual_data"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "land_annual_data_revision_uq" ON "land_annual_data" USING btree ("enterprise_id","year","revision");--> statement-breakpoint
CREATE INDEX "land_annual_data_year_idx" ON "land_annual_data" USING btree ("year") WHERE "land_annual_data"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "land_evaluations_year_idx" ON "land_evaluations" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "land_results_county_idx" ON "land_results" USING btree ("evaluation_id","county_code");--> statement-breakpoint
CREATE UNIQUE INDEX "land_schemes_code_version_uq" ON "land_schemes" USING btree ("code","version");