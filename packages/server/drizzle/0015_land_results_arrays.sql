ALTER TABLE "land_results" ALTER COLUMN "detail" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "land_results" ADD COLUMN "list" text DEFAULT 'above' NOT NULL;--> statement-breakpoint
ALTER TABLE "land_results" ADD COLUMN "indicator_values" double precision[];--> statement-breakpoint
ALTER TABLE "land_results" ADD COLUMN "scores" double precision[];