ALTER TABLE "cordis_organisations" ALTER COLUMN "id" SET DATA TYPE text collate "C";--> statement-breakpoint
ALTER TABLE "cordis_participations" ALTER COLUMN "project_id" SET DATA TYPE text collate "C";--> statement-breakpoint
ALTER TABLE "cordis_participations" ALTER COLUMN "organisation_id" SET DATA TYPE text collate "C";--> statement-breakpoint
ALTER TABLE "cordis_project_scivoc" ALTER COLUMN "project_id" SET DATA TYPE text collate "C";--> statement-breakpoint
ALTER TABLE "cordis_projects" ALTER COLUMN "id" SET DATA TYPE text collate "C";