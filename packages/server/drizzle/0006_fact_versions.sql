CREATE TABLE "fact_versions" (
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fact_versions_year_month_pk" PRIMARY KEY("year","month"),
	CONSTRAINT "fact_versions_month" CHECK ("fact_versions"."month" between 1 and 12)
);
