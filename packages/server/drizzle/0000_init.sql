CREATE TABLE "divisions" (
	"code" char(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" char(6),
	"province_code" char(6) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"section" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" char(6) NOT NULL,
	"level" text DEFAULT 'provincial' NOT NULL,
	"kind" text DEFAULT '工业园区' NOT NULL,
	"area_km2" integer
);
--> statement-breakpoint
CREATE TABLE "enterprise_scale_status" (
	"enterprise_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"above_scale" boolean NOT NULL,
	"reason" text,
	CONSTRAINT "enterprise_scale_status_enterprise_id_year_pk" PRIMARY KEY("enterprise_id","year")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" char(18) NOT NULL,
	"name" text NOT NULL,
	"county_code" char(6) NOT NULL,
	"park_id" integer,
	"industry_code" text NOT NULL,
	"industry_division" char(2) NOT NULL,
	"founded_on" date,
	"ownership" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"above_scale" boolean DEFAULT false NOT NULL,
	"revenue" numeric(16, 2),
	"employees" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "enterprises_uscc_unique" UNIQUE("uscc"),
	CONSTRAINT "enterprises_industry_division" CHECK (left("enterprises"."industry_code", 2) = "enterprises"."industry_division"),
	CONSTRAINT "enterprises_uscc_format" CHECK ("enterprises"."uscc" ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"scope_prefix" text,
	"enterprise_uscc" char(18),
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('provinceAdmin','cityOfficial','countyOfficial','handler','serviceOfficer','leader','enterprise')),
	CONSTRAINT "users_scope_check" CHECK (("users"."role" = 'enterprise' and "users"."enterprise_uscc" is not null) or ("users"."role" <> 'enterprise' and "users"."scope_prefix" is not null))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"username" text,
	"action" text NOT NULL,
	"entity" text,
	"entity_id" text,
	"source" text NOT NULL,
	"batch_id" integer,
	"changes" jsonb,
	"detail" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"user_id" integer,
	"username" text,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"counts" jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_county_code_divisions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_scale_status" ADD CONSTRAINT "enterprise_scale_status_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_county_code_divisions_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."divisions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_industry_division_industries_code_fk" FOREIGN KEY ("industry_division") REFERENCES "public"."industries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "divisions_parent_idx" ON "divisions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "divisions_name_idx" ON "divisions" USING btree ("name");--> statement-breakpoint
CREATE INDEX "industries_parent_idx" ON "industries" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "parks_name_uq" ON "parks" USING btree ("name");--> statement-breakpoint
CREATE INDEX "enterprises_county_idx" ON "enterprises" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "enterprises_industry_idx" ON "enterprises" USING btree ("industry_division","industry_code");--> statement-breakpoint
CREATE INDEX "enterprises_park_idx" ON "enterprises" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_user_idx" ON "audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "import_batches_kind_idx" ON "import_batches" USING btree ("kind","started_at");