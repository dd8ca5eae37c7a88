CREATE TABLE "cordis_organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"vat_number" text,
	"name" text NOT NULL,
	"short_name" text,
	"sme" boolean,
	"activity_type" text,
	"country" text,
	"city" text,
	"url" text,
	"registry_organisation_id" text,
	"link_method" text,
	"suggested_organisation_id" text,
	"import_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cordis_participations" (
	"project_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"role" text NOT NULL,
	"ec_contribution" double precision,
	"total_cost" double precision,
	"active" boolean,
	CONSTRAINT "cordis_participations_project_id_organisation_id_pk" PRIMARY KEY("project_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "cordis_project_scivoc" (
	"project_id" text NOT NULL,
	"code" text NOT NULL,
	"path" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	CONSTRAINT "cordis_project_scivoc_project_id_code_pk" PRIMARY KEY("project_id","code")
);
--> statement-breakpoint
CREATE TABLE "cordis_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"acronym" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"status" text,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"framework_programme" text,
	"legal_basis" text,
	"master_call" text,
	"sub_call" text,
	"funding_scheme" text,
	"start_date" date,
	"end_date" date,
	"ec_max_contribution" double precision,
	"total_cost" double precision,
	"objective" text DEFAULT '' NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"import_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cordis_topics" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_calls" (
	"id" text PRIMARY KEY NOT NULL,
	"instrument_id" text NOT NULL,
	"topic_id" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" timestamp with time zone,
	"action_type" text,
	"budget_eur" bigint,
	"url" text,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_instruments" (
	"id" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"funder" text NOT NULL,
	"track" text NOT NULL,
	"action_type" text,
	"url" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_countries" (
	"country_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"scope" text DEFAULT 'full' NOT NULL,
	"from_date" date,
	"to_date" date,
	"transitional" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"organisation_id" text,
	"cordis_organisation_id" text,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"role" text NOT NULL,
	"affiliated_to_partner_id" text,
	"legal_entity_group" text,
	"is_non_profit" boolean DEFAULT false NOT NULL,
	"is_sme" boolean DEFAULT false NOT NULL,
	"region_id" text,
	"personnel_eur" bigint DEFAULT 0 NOT NULL,
	"subcontracting_eur" bigint DEFAULT 0 NOT NULL,
	"other_eur" bigint DEFAULT 0 NOT NULL,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrolment_interests" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_id" text NOT NULL,
	"organisation_id" text,
	"user_id" text,
	"contact_name" text NOT NULL,
	"contact_email" text,
	"headcount" integer DEFAULT 1 NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "host_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"region_id" text,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"capacity" integer DEFAULT 1 NOT NULL,
	"duration_weeks" integer,
	"available_from" date,
	"available_to" date,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"email" text,
	"organisation_id" text NOT NULL,
	"region_id" text,
	"subjects" text DEFAULT '' NOT NULL,
	"development_goals" text DEFAULT '' NOT NULL,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_path_steps" (
	"path_id" text NOT NULL,
	"programme_id" text NOT NULL,
	"prerequisite_ids" text[] DEFAULT '{}' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "training_path_steps_path_id_programme_id_pk" PRIMARY KEY("path_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "training_paths" (
	"id" text PRIMARY KEY NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"audience" text DEFAULT 'students' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"region_ids" text[] DEFAULT '{}' NOT NULL,
	"owner_organisation_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_life_periods" (
	"id" text PRIMARY KEY NOT NULL,
	"teacher_id" text NOT NULL,
	"offer_id" text,
	"host_organisation_id" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"supervisor_name" text DEFAULT '' NOT NULL,
	"supervisor_email" text,
	"follow_up" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "instrument_id" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "call_id" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "work_packages" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "requested_eur" bigint;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "granted_eur" bigint;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "deadline_reminders_sent" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD COLUMN "delivery" text;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD COLUMN "work_based_share" real;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD COLUMN "learning_outcomes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cordis_organisations" ADD CONSTRAINT "cordis_organisations_registry_organisation_id_organisations_id_fk" FOREIGN KEY ("registry_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cordis_organisations" ADD CONSTRAINT "cordis_organisations_suggested_organisation_id_organisations_id_fk" FOREIGN KEY ("suggested_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cordis_participations" ADD CONSTRAINT "cordis_participations_organisation_id_cordis_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."cordis_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_calls" ADD CONSTRAINT "funding_calls_instrument_id_funding_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."funding_instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_interests" ADD CONSTRAINT "enrolment_interests_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_interests" ADD CONSTRAINT "enrolment_interests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment_interests" ADD CONSTRAINT "enrolment_interests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_offers" ADD CONSTRAINT "host_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_offers" ADD CONSTRAINT "host_offers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_offers" ADD CONSTRAINT "host_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_path_steps" ADD CONSTRAINT "training_path_steps_path_id_training_paths_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."training_paths"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_path_steps" ADD CONSTRAINT "training_path_steps_programme_id_training_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."training_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_paths" ADD CONSTRAINT "training_paths_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_paths" ADD CONSTRAINT "training_paths_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_life_periods" ADD CONSTRAINT "working_life_periods_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_life_periods" ADD CONSTRAINT "working_life_periods_offer_id_host_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."host_offers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_life_periods" ADD CONSTRAINT "working_life_periods_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_life_periods" ADD CONSTRAINT "working_life_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cordis_organisations_country_idx" ON "cordis_organisations" USING btree ("country");--> statement-breakpoint
CREATE INDEX "cordis_organisations_registry_idx" ON "cordis_organisations" USING btree ("registry_organisation_id");--> statement-breakpoint
CREATE INDEX "cordis_organisations_vat_idx" ON "cordis_organisations" USING btree ("vat_number");--> statement-breakpoint
CREATE INDEX "cordis_participations_org_idx" ON "cordis_participations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "cordis_projects_fp_idx" ON "cordis_projects" USING btree ("framework_programme");--> statement-breakpoint
CREATE INDEX "funding_calls_instrument_idx" ON "funding_calls" USING btree ("instrument_id");--> statement-breakpoint
CREATE INDEX "funding_calls_deadline_idx" ON "funding_calls" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "project_partners_project_idx" ON "project_partners" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_partners_organisation_idx" ON "project_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "enrolment_interests_programme_idx" ON "enrolment_interests" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "host_offers_organisation_idx" ON "host_offers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "teachers_organisation_idx" ON "teachers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "teachers_user_idx" ON "teachers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_path_steps_programme_idx" ON "training_path_steps" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "working_life_periods_teacher_idx" ON "working_life_periods" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "working_life_periods_host_idx" ON "working_life_periods" USING btree ("host_organisation_id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_instrument_id_funding_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "public"."funding_instruments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_call_id_funding_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."funding_calls"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
INSERT INTO "programme_countries" ("country_code","name","status","scope","from_date","transitional","source") VALUES
	('AT','Austria','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('BE','Belgium','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('BG','Bulgaria','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('HR','Croatia','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('CY','Cyprus','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('CZ','Czechia','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('DK','Denmark','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('EE','Estonia','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('FI','Finland','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('FR','France','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('DE','Germany','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('GR','Greece','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('HU','Hungary','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('IE','Ireland','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('IT','Italy','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('LV','Latvia','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('LT','Lithuania','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('LU','Luxembourg','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('MT','Malta','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('NL','Netherlands','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('PL','Poland','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('PT','Portugal','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('RO','Romania','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('SK','Slovakia','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('SI','Slovenia','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('ES','Spain','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('SE','Sweden','member_state','full',NULL,false,'EU Member State (general knowledge, stable list; reference rules.md §1.2)'),
	('AL','Albania','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('AM','Armenia','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('BA','Bosnia and Herzegovina','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('FO','Faroe Islands','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('GE','Georgia','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('IS','Iceland','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('IL','Israel','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('XK','Kosovo','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('MD','Moldova','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('ME','Montenegro','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('MK','North Macedonia','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('NO','Norway','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('RS','Serbia','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('TN','Tunisia','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('TR','Türkiye','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('UA','Ukraine','associated','full','2022-08-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; euraxess.ec.europa.eu (as of 20 Jun 2022)'),
	('GB','United Kingdom','associated','full_except_eic_fund','2024-01-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe" (Protocol adopted 4 Dec 2023)'),
	('NZ','New Zealand','associated','pillar2','2024-01-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; sciencebusiness.net Horizon Europe guide'),
	('CA','Canada','associated','pillar2','2024-01-01',false,'research-and-innovation.ec.europa.eu "Updates on the association of third countries to Horizon Europe"; sciencebusiness.net (sealed July 2024, retroactive)'),
	('KR','Republic of Korea','associated','pillar2','2025-01-01',true,'horizon-europe.gouv.fr; bayfor.org (transitional arrangement from WP2025)'),
	('CH','Switzerland','associated','full','2025-01-01',false,'swissinfo.ch 2025-11-10; usi.ch newsletter 2025-01-08 (signed 10 Nov 2025, provisionally applied, retroactive)'),
	('EG','Egypt','associated','full','2025-04-10',true,'agenceurope.eu; news.az (transitional arrangement from 10 Apr 2025)'),
	('JP','Japan','associated','pillar2','2026-01-01',true,'miragenews.com; finanznachrichten.de (dpa-AFX); aca-secretariat.be (transitional for calls from 2026)');
--> statement-breakpoint
INSERT INTO "funding_instruments" ("id","name","funder","track","action_type","url","sources") VALUES
	('funding.business-finland','{"fi": "Business Finland", "sv": "Business Finland", "en": "Business Finland"}'::jsonb,'Business Finland','national',NULL,'https://www.businessfinland.fi/','["https://www.businessfinland.fi/"]'::jsonb),
	('funding.research-council-of-finland','{"fi": "Suomen Akatemia", "sv": "Finlands Akademi", "en": "Research Council of Finland"}'::jsonb,'Research Council of Finland','national',NULL,'https://www.aka.fi/','["https://www.aka.fi/"]'::jsonb),
	('funding.erdf','{"fi": "Euroopan aluekehitysrahasto", "sv": "Europeiska regionala utvecklingsfonden", "en": "European Regional Development Fund"}'::jsonb,'EU cohesion policy (Finnish managing authorities)','national',NULL,'https://rakennerahastot.fi/','["https://rakennerahastot.fi/", "https://ec.europa.eu/regional_policy/funding/erdf_en"]'::jsonb),
	('funding.jtf','{"fi": "Oikeudenmukaisen siirtymän rahasto", "sv": "Fonden för en rättvis omställning", "en": "Just Transition Fund"}'::jsonb,'EU cohesion policy (Finnish managing authorities)','national',NULL,'https://rakennerahastot.fi/','["https://rakennerahastot.fi/", "https://ec.europa.eu/regional_policy/funding/just-transition-fund_en"]'::jsonb),
	('funding.esf-plus','{"fi": "Euroopan sosiaalirahasto plus", "sv": "Europeiska socialfonden+", "en": "European Social Fund Plus"}'::jsonb,'EU cohesion policy (Finnish managing authorities)','national',NULL,'https://rakennerahastot.fi/','["https://rakennerahastot.fi/", "https://commission.europa.eu/funding-tenders/find-funding/eu-funding-programmes/european-social-fund-plus-esf_en"]'::jsonb),
	('funding.horizon-europe.ria','{"fi": "Horisontti Eurooppa: Tutkimus- ja innovaatiotoimi", "sv": "Horisont Europa: Forsknings- och innovationsåtgärd", "en": "Horizon Europe: Research and Innovation Action"}'::jsonb,'European Commission','horizon_europe','RIA',NULL,'["rules.md §1 (Kenno reference package): first.art-er.it; era-learn.eu; ffg.at (funding rates)"]'::jsonb),
	('funding.horizon-europe.ia','{"fi": "Horisontti Eurooppa: Innovaatiotoimi", "sv": "Horisont Europa: Innovationsåtgärd", "en": "Horizon Europe: Innovation Action"}'::jsonb,'European Commission','horizon_europe','IA',NULL,'["rules.md §1 (Kenno reference package): first.art-er.it; era-learn.eu; ffg.at (funding rates)"]'::jsonb),
	('funding.horizon-europe.csa','{"fi": "Horisontti Eurooppa: Koordinaatio- ja tukitoimi", "sv": "Horisont Europa: Samordnings- och stödåtgärd", "en": "Horizon Europe: Coordination and Support Action"}'::jsonb,'European Commission','horizon_europe','CSA',NULL,'["rules.md §1 (Kenno reference package): first.art-er.it; era-learn.eu; ffg.at (funding rates)", "UNVERIFIED for Horizon Europe: the minimum is the H2020 rule (rules.md §1.1)"]'::jsonb),
	('funding.interreg','{"fi": "Interreg", "sv": "Interreg", "en": "Interreg"}'::jsonb,'Interreg programmes','other_eu',NULL,'https://interreg.eu/','["https://interreg.eu/"]'::jsonb),
	('funding.interreg.aurora','{"fi": "Interreg Aurora", "sv": "Interreg Aurora", "en": "Interreg Aurora"}'::jsonb,'Interreg programmes','other_eu',NULL,'https://www.interregaurora.eu/','["https://www.interregaurora.eu/"]'::jsonb),
	('funding.interreg.central-baltic','{"fi": "Interreg Central Baltic", "sv": "Interreg Central Baltic", "en": "Interreg Central Baltic"}'::jsonb,'Interreg programmes','other_eu',NULL,'https://centralbaltic.eu/','["https://centralbaltic.eu/"]'::jsonb),
	('funding.interreg.baltic-sea-region','{"fi": "Interreg Itämeren alue", "sv": "Interreg Östersjöregionen", "en": "Interreg Baltic Sea Region"}'::jsonb,'Interreg programmes','other_eu',NULL,'https://interreg-baltic.eu/','["https://interreg-baltic.eu/"]'::jsonb),
	('funding.erasmus-plus','{"fi": "Erasmus+", "sv": "Erasmus+", "en": "Erasmus+"}'::jsonb,'European Commission (Erasmus+)','other_eu',NULL,'https://erasmus-plus.ec.europa.eu/','["https://erasmus-plus.ec.europa.eu/"]'::jsonb);
--> statement-breakpoint
INSERT INTO "data_versions" ("scope", "version") VALUES ('projects', 0), ('cordis', 0), ('training', 0);
--> statement-breakpoint
CREATE TRIGGER projects_bump_projects AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "projects"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('projects');
--> statement-breakpoint
CREATE TRIGGER project_partners_bump_projects AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "project_partners"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('projects');
--> statement-breakpoint
CREATE TRIGGER funding_instruments_bump_projects AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funding_instruments"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('projects');
--> statement-breakpoint
CREATE TRIGGER funding_calls_bump_projects AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funding_calls"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('projects');
--> statement-breakpoint
CREATE TRIGGER programme_countries_bump_projects AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "programme_countries"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('projects');
--> statement-breakpoint
CREATE TRIGGER cordis_projects_bump_cordis AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cordis_projects"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('cordis');
--> statement-breakpoint
CREATE TRIGGER cordis_organisations_bump_cordis AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cordis_organisations"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('cordis');
--> statement-breakpoint
CREATE TRIGGER cordis_participations_bump_cordis AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cordis_participations"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('cordis');
--> statement-breakpoint
CREATE TRIGGER cordis_topics_bump_cordis AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cordis_topics"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('cordis');
--> statement-breakpoint
CREATE TRIGGER cordis_project_scivoc_bump_cordis AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cordis_project_scivoc"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('cordis');
--> statement-breakpoint
CREATE TRIGGER training_paths_bump_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "training_paths"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('training');
--> statement-breakpoint
CREATE TRIGGER training_path_steps_bump_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "training_path_steps"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('training');
--> statement-breakpoint
CREATE TRIGGER teachers_bump_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "teachers"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('training');
--> statement-breakpoint
CREATE TRIGGER host_offers_bump_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "host_offers"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('training');
--> statement-breakpoint
CREATE TRIGGER working_life_periods_bump_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "working_life_periods"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('training');
--> statement-breakpoint
CREATE TRIGGER enrolment_interests_bump_training AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enrolment_interests"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('training');
