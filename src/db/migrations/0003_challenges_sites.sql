CREATE TABLE "challenge_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"challenge_id" text NOT NULL,
	"user_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_follows" (
	"challenge_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_follows_challenge_id_user_id_pk" PRIMARY KEY("challenge_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_supports" (
	"challenge_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_supports_challenge_id_user_id_pk" PRIMARY KEY("challenge_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_evaluations" (
	"challenge_id" text NOT NULL,
	"evaluator_id" text NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_evaluations_challenge_id_evaluator_id_pk" PRIMARY KEY("challenge_id","evaluator_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_criteria" (
	"id" text PRIMARY KEY NOT NULL,
	"label" jsonb NOT NULL,
	"description" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"max_score" integer DEFAULT 5 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_history" (
	"id" text PRIMARY KEY NOT NULL,
	"challenge_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"event" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"language" text NOT NULL,
	"region_id" text,
	"organisation_id" text,
	"created_by" text,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"suggested_concept_ids" text[] DEFAULT '{}' NOT NULL,
	"trl_now" integer,
	"trl_wanted" integer,
	"horizon" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"merged_into_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"link" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"source_cluster_id" text,
	"challenge_ids" text[] DEFAULT '{}' NOT NULL,
	"region_ids" text[] DEFAULT '{}' NOT NULL,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_offerings" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"category" text NOT NULL,
	"description" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"region_ids" text[] DEFAULT '{}' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_links" (
	"id" text PRIMARY KEY NOT NULL,
	"supplier_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"what" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"category" text,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"operator_organisation_id" text,
	"region_id" text,
	"municipality" text,
	"lat" double precision,
	"lon" double precision,
	"status" text DEFAULT 'operating' NOT NULL,
	"description" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"total_area_ha" real,
	"available_area_ha" real,
	"plots" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"utilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"port_name" text,
	"fairway_depth_m" real,
	"port_distance_km" real,
	"rail" boolean DEFAULT false NOT NULL,
	"chemicals_handling" boolean DEFAULT false NOT NULL,
	"permit_status" text DEFAULT 'none' NOT NULL,
	"permit_note" text,
	"ready_in_months" real,
	"shared_services" text[] DEFAULT '{}' NOT NULL,
	"tenants" text[] DEFAULT '{}' NOT NULL,
	"tenant_organisation_ids" text[] DEFAULT '{}' NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "symbiosis_streams" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text,
	"site_id" text,
	"direction" text NOT NULL,
	"stream_type" text NOT NULL,
	"label" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"quantity" real,
	"unit" text,
	"quality" text,
	"lat" double precision,
	"lon" double precision,
	"availability" text DEFAULT 'continuous' NOT NULL,
	"available_from" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "challenge_comments" ADD CONSTRAINT "challenge_comments_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_comments" ADD CONSTRAINT "challenge_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_follows" ADD CONSTRAINT "challenge_follows_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_follows" ADD CONSTRAINT "challenge_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_supports" ADD CONSTRAINT "challenge_supports_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_supports" ADD CONSTRAINT "challenge_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_evaluations" ADD CONSTRAINT "challenge_evaluations_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_evaluations" ADD CONSTRAINT "challenge_evaluations_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_history" ADD CONSTRAINT "challenge_history_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_offerings" ADD CONSTRAINT "service_offerings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_links" ADD CONSTRAINT "supply_links_supplier_id_organisations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_links" ADD CONSTRAINT "supply_links_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_operator_organisation_id_organisations_id_fk" FOREIGN KEY ("operator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symbiosis_streams" ADD CONSTRAINT "symbiosis_streams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "symbiosis_streams" ADD CONSTRAINT "symbiosis_streams_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_comments_challenge_idx" ON "challenge_comments" USING btree ("challenge_id","created_at");--> statement-breakpoint
CREATE INDEX "challenge_follows_user_idx" ON "challenge_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "challenge_supports_user_idx" ON "challenge_supports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "challenge_history_challenge_idx" ON "challenge_history" USING btree ("challenge_id","at");--> statement-breakpoint
CREATE INDEX "challenges_region_idx" ON "challenges" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "challenges_organisation_idx" ON "challenges" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "challenges_status_idx" ON "challenges" USING btree ("status");--> statement-breakpoint
CREATE INDEX "challenges_merged_into_idx" ON "challenges" USING btree ("merged_into_id") WHERE "challenges"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX "email_outbox_status_idx" ON "email_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "service_offerings_org_idx" ON "service_offerings" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "service_offerings_category_idx" ON "service_offerings" USING btree ("category");--> statement-breakpoint
CREATE INDEX "supply_links_supplier_idx" ON "supply_links" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "supply_links_customer_idx" ON "supply_links" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "sites_region_idx" ON "sites" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "symbiosis_streams_type_idx" ON "symbiosis_streams" USING btree ("stream_type","direction");--> statement-breakpoint
-- Full-text search over challenges, stemmed in the language each was written in.
ALTER TABLE "challenges" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
	CASE "language"
		WHEN 'fi' THEN setweight(to_tsvector('finnish'::regconfig, "title"), 'A') || setweight(to_tsvector('finnish'::regconfig, "description"), 'B')
		WHEN 'sv' THEN setweight(to_tsvector('swedish'::regconfig, "title"), 'A') || setweight(to_tsvector('swedish'::regconfig, "description"), 'B')
		ELSE setweight(to_tsvector('english'::regconfig, "title"), 'A') || setweight(to_tsvector('english'::regconfig, "description"), 'B')
	END
) STORED;
--> statement-breakpoint
CREATE INDEX "challenges_search_idx" ON "challenges" USING gin ("search_vector");
--> statement-breakpoint
INSERT INTO "data_versions" ("scope", "version") VALUES ('challenges', 0), ('sites', 0);
--> statement-breakpoint
CREATE TRIGGER challenges_bump_challenges AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenges"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('challenges');
--> statement-breakpoint
CREATE TRIGGER challenge_supports_bump_challenges AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_supports"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('challenges');
--> statement-breakpoint
CREATE TRIGGER challenge_evaluations_bump_challenges AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "challenge_evaluations"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('challenges');
--> statement-breakpoint
CREATE TRIGGER evaluation_criteria_bump_challenges AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluation_criteria"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('challenges');
--> statement-breakpoint
CREATE TRIGGER sites_bump_sites AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sites"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('sites');
--> statement-breakpoint
CREATE TRIGGER service_offerings_bump_sites AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "service_offerings"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('sites');
--> statement-breakpoint
CREATE TRIGGER supply_links_bump_sites AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "supply_links"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('sites');
--> statement-breakpoint
CREATE TRIGGER symbiosis_streams_bump_sites AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "symbiosis_streams"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('sites');
--> statement-breakpoint
-- The default evaluation criteria of the challenges module; admins may change them.
INSERT INTO "evaluation_criteria" ("id", "label", "description", "weight", "max_score", "position") VALUES
	('industry-relevance', '{"fi":"Teollinen merkitys","sv":"Industriell relevans","en":"Industry relevance"}', '{"fi":"Kuinka tärkeä haaste on alueen yrityksille","sv":"Hur viktig utmaningen är för regionens företag","en":"How much the challenge matters to companies of the network"}', 1, 5, 1),
	('regions-concerned', '{"fi":"Alueiden määrä","sv":"Antal regioner","en":"Regions concerned"}', '{"fi":"Kuinka monta verkoston aluetta haaste koskee","sv":"Hur många av nätverkets regioner utmaningen berör","en":"How many regions of the network share the challenge"}', 1, 5, 2),
	('specialisation-fit', '{"fi":"Sopivuus alueen erikoistumiseen","sv":"Passform med regional specialisering","en":"Fit with regional specialisation"}', '{"fi":"Vastaako haaste alueen erikoistumista","sv":"Motsvarar utmaningen regionens specialisering","en":"Whether the challenge matches the region''s specialisation"}', 1, 5, 3),
	('funding-fit', '{"fi":"Rahoitussopivuus","sv":"Finansieringspassform","en":"Funding fit"}', '{"fi":"Onko haasteelle sopiva rahoitusinstrumentti tai haku","sv":"Finns ett passande finansieringsinstrument eller en utlysning","en":"Whether a funding instrument or call fits the challenge"}', 1, 5, 4),
	('trl-gap', '{"fi":"TRL-kuilu","sv":"TRL-gap","en":"TRL gap"}', '{"fi":"Kuinka realistinen nykyisen ja tavoitellun TRL-tason väli on","sv":"Hur realistiskt steget från nuvarande till önskad TRL är","en":"How realistic the step from the current to the wanted TRL is"}', 1, 5, 5);
