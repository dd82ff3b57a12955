CREATE TABLE "dispatch_results" (
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"region_code" char(6) NOT NULL,
	"level" smallint NOT NULL,
	"payload" text NOT NULL,
	"fact_version" bigint NOT NULL,
	"rules_version" bigint NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatch_results_year_month_region_code_pk" PRIMARY KEY("year","month","region_code")
);
--> statement-breakpoint
CREATE TABLE "warning_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"threshold" numeric(10, 2),
	"severity" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"rule" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject" text NOT NULL,
	"enterprise_id" integer,
	"region_code" char(6) NOT NULL,
	"severity" text NOT NULL,
	"figures" jsonb NOT NULL,
	"threshold" numeric(10, 2),
	"reason_zh" text NOT NULL,
	"reason_en" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"owner_user_id" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "warnings_status" CHECK ("warnings"."status" in ('new', 'acknowledged', 'resolved')),
	CONSTRAINT "warnings_subject_kind" CHECK ("warnings"."subject_kind" in ('enterprise', 'region'))
);
--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_subject_uq" ON "warnings" USING btree ("year","month","rule","subject");--> statement-breakpoint
CREATE INDEX "warnings_period_region_idx" ON "warnings" USING btree ("year","month","region_code");--> statement-breakpoint
CREATE INDEX "warnings_owner_idx" ON "warnings" USING btree ("owner_user_id");