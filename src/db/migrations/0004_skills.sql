CREATE TABLE "survey_answers" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"respondent_id" text,
	"import_id" text,
	"organisation_id" text NOT NULL,
	"role_id" text NOT NULL,
	"skill_ids" text[] DEFAULT '{}' NOT NULL,
	"eqf_level" integer NOT NULL,
	"region_id" text NOT NULL,
	"headcount_now" integer DEFAULT 0 NOT NULL,
	"headcount_1_to_3" integer DEFAULT 0 NOT NULL,
	"headcount_3_to_5" integer DEFAULT 0 NOT NULL,
	"recruitment_difficulty" integer,
	"free_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_respondents" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"email" text,
	"language" text DEFAULT 'fi' NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminder_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"title" jsonb NOT NULL,
	"intro" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"region_id" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"instrument" jsonb NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_programmes" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text DEFAULT 'programme' NOT NULL,
	"name" jsonb NOT NULL,
	"level" text NOT NULL,
	"eqf_level" integer NOT NULL,
	"region_id" text,
	"yearly_intake" integer,
	"yearly_graduates" integer,
	"role_ids" text[] DEFAULT '{}' NOT NULL,
	"competence_ids" text[] DEFAULT '{}' NOT NULL,
	"credits" real,
	"credit_unit" text,
	"language" text,
	"url" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_respondent_id_survey_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."survey_respondents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_round_id_survey_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."survey_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD CONSTRAINT "training_programmes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_programmes" ADD CONSTRAINT "training_programmes_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_round_idx" ON "survey_answers" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "survey_answers_respondent_idx" ON "survey_answers" USING btree ("respondent_id");--> statement-breakpoint
CREATE INDEX "survey_answers_cell_idx" ON "survey_answers" USING btree ("role_id","eqf_level","region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_respondents_token_idx" ON "survey_respondents" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_respondents_round_idx" ON "survey_respondents" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "survey_rounds_region_idx" ON "survey_rounds" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "training_programmes_org_idx" ON "training_programmes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "training_programmes_region_idx" ON "training_programmes" USING btree ("region_id");--> statement-breakpoint
INSERT INTO "data_versions" ("scope", "version") VALUES ('skills', 0);
--> statement-breakpoint
CREATE TRIGGER survey_answers_bump_skills AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "survey_answers"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('skills');
--> statement-breakpoint
CREATE TRIGGER training_programmes_bump_skills AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "training_programmes"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('skills');
--> statement-breakpoint
CREATE TRIGGER survey_rounds_bump_skills AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "survey_rounds"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('skills');
