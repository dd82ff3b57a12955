ALTER TABLE "land_results" DROP CONSTRAINT "land_results_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "land_results" DROP CONSTRAINT "land_results_data_id_land_annual_data_id_fk";
