ALTER TABLE "sites" ALTER COLUMN "rail" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "sites" ALTER COLUMN "rail" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ALTER COLUMN "chemicals_handling" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "sites" ALTER COLUMN "chemicals_handling" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ALTER COLUMN "permit_status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "sites" ALTER COLUMN "permit_status" DROP NOT NULL;