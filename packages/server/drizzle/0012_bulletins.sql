CREATE TABLE "bulletins" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"region_code" char(6) NOT NULL,
	"title" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"fact_version" bigint NOT NULL,
	"content" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "bulletins_period_idx" ON "bulletins" USING btree ("year","month","region_code");