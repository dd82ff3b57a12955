ALTER TABLE "land_evaluations" ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "land_results" ADD COLUMN "data_id" bigint;--> statement-breakpoint
ALTER TABLE "land_results" ADD COLUMN "unit_size" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "land_results" ADD COLUMN "previous_class" char(1);--> statement-breakpoint
ALTER TABLE "land_results" ADD CONSTRAINT "land_results_data_id_land_annual_data_id_fk" FOREIGN KEY ("data_id") REFERENCES "public"."land_annual_data"("id") ON DELETE no action ON UPDATE no action;