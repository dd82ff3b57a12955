CREATE TABLE "monthly_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"revision" integer NOT NULL,
	"gross_output_cum" numeric(16, 2),
	"gross_output_prior_cum" numeric(16, 2),
	"revenue_cum" numeric(16, 2),
	"revenue_prior_cum" numeric(16, 2),
	"profit_cum" numeric(16, 2),
	"profit_prior_cum" numeric(16, 2),
	"electricity_cum" numeric(16, 2),
	"employees" integer,
	"batch_id" integer,
	"source_row" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"revision_reason" text,
	CONSTRAINT "monthly_reports_month" CHECK ("monthly_reports"."month" between 1 and 12),
	CONSTRAINT "monthly_reports_revision" CHECK ("monthly_reports"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "report_periods" (
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	CONSTRAINT "report_periods_year_month_pk" PRIMARY KEY("year","month"),
	CONSTRAINT "report_periods_status" CHECK ("report_periods"."status" in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_current_uq" ON "monthly_reports" USING btree ("enterprise_id","year","month") WHERE "monthly_reports"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_revision_uq" ON "monthly_reports" USING btree ("enterprise_id","year","month","revision");--> statement-breakpoint
CREATE INDEX "monthly_reports_period_idx" ON "monthly_reports" USING btree ("year","month") WHERE "monthly_reports"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "monthly_reports_batch_idx" ON "monthly_reports" USING btree ("batch_id");