CREATE TABLE "electricity_readings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"revision" integer NOT NULL,
	"value" numeric(16, 4) NOT NULL,
	"account_number" text,
	"parts" jsonb,
	"batch_id" integer,
	"source_row" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"revision_reason" text,
	CONSTRAINT "electricity_readings_month" CHECK ("electricity_readings"."month" between 1 and 12),
	CONSTRAINT "electricity_readings_revision" CHECK ("electricity_readings"."revision" >= 1),
	CONSTRAINT "electricity_readings_value" CHECK ("electricity_readings"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grid_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_number" text NOT NULL,
	"enterprise_id" integer NOT NULL,
	"account_name" text,
	"revision" integer NOT NULL,
	"batch_id" integer,
	"source_row" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text,
	"superseded_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "grid_accounts_revision" CHECK ("grid_accounts"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD COLUMN "source" text DEFAULT 'import' NOT NULL;--> statement-breakpoint
ALTER TABLE "electricity_readings" ADD CONSTRAINT "electricity_readings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "electricity_readings" ADD CONSTRAINT "electricity_readings_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_accounts" ADD CONSTRAINT "grid_accounts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_accounts" ADD CONSTRAINT "grid_accounts_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "electricity_readings_current_uq" ON "electricity_readings" USING btree ("enterprise_id","year","month") WHERE "electricity_readings"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "electricity_readings_revision_uq" ON "electricity_readings" USING btree ("enterprise_id","year","month","revision");--> statement-breakpoint
CREATE INDEX "electricity_readings_period_idx" ON "electricity_readings" USING btree ("year","month") WHERE "electricity_readings"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "electricity_readings_batch_idx" ON "electricity_readings" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grid_accounts_current_uq" ON "grid_accounts" USING btree ("account_number") WHERE "grid_accounts"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "grid_accounts_revision_uq" ON "grid_accounts" USING btree ("account_number","revision");--> statement-breakpoint
CREATE INDEX "grid_accounts_enterprise_idx" ON "grid_accounts" USING btree ("enterprise_id") WHERE "grid_accounts"."superseded_at" is null;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_source" CHECK ("monthly_reports"."source" in ('import', 'selfReport'));