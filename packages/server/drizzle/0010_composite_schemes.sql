CREATE TABLE "composite_schemes" (
	"id" text PRIMARY KEY NOT NULL,
	"scheme" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
