ALTER TABLE "land_results" DROP CONSTRAINT "land_results_evaluation_id_land_evaluations_id_fk";
