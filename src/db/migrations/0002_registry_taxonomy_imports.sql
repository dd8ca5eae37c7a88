CREATE TABLE "competence_suggestion_decisions" (
	"organisation_id" text NOT NULL,
	"concept_id" text NOT NULL,
	"decision" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competence_suggestion_decisions_organisation_id_concept_id_pk" PRIMARY KEY("organisation_id","concept_id")
);
--> statement-breakpoint
CREATE TABLE "concept_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"concept_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "concept_relations" (
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "concept_relations_from_id_to_id_kind_pk" PRIMARY KEY("from_id","to_id","kind")
);
--> statement-breakpoint
CREATE TABLE "concept_schemes" (
	"id" text PRIMARY KEY NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"uri" text,
	"source" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"header_signature" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"file_data" "bytea" NOT NULL,
	"file_size" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"mapping" jsonb,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"claimed_by" text,
	"heartbeat_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"email" text,
	"phone" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_infrastructure" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL,
	"concept_ids" text[] DEFAULT '{}' NOT NULL,
	"url" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "uri" text;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "notation" text;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "description" jsonb DEFAULT '{"fi":"","sv":"","en":""}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_competences" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_competences" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "competence_suggestion_decisions" ADD CONSTRAINT "competence_suggestion_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_relations" ADD CONSTRAINT "concept_relations_from_id_concepts_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_relations" ADD CONSTRAINT "concept_relations_to_id_concepts_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_contacts" ADD CONSTRAINT "organisation_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_infrastructure" ADD CONSTRAINT "research_infrastructure_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concept_history_concept_idx" ON "concept_history" USING btree ("concept_id","at");--> statement-breakpoint
CREATE INDEX "concept_relations_to_idx" ON "concept_relations" USING btree ("to_id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_kind_header_idx" ON "import_mappings" USING btree ("kind","header_signature");--> statement-breakpoint
CREATE INDEX "imports_status_idx" ON "imports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "organisation_contacts_org_idx" ON "organisation_contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "research_infrastructure_org_idx" ON "research_infrastructure" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "concepts_parent_idx" ON "concepts" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "concepts_uri_idx" ON "concepts" USING btree ("uri");--> statement-breakpoint
-- Full-text search over organisations in the three languages, each with its own stemming.
ALTER TABLE "organisations" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('simple'::regconfig, coalesce("name", '') || ' ' || coalesce("name_en", '')), 'A') ||
	setweight(to_tsvector('finnish'::regconfig, coalesce("description"->>'fi', '')), 'B') ||
	setweight(to_tsvector('swedish'::regconfig, coalesce("description"->>'sv', '')), 'B') ||
	setweight(to_tsvector('english'::regconfig, coalesce("name_en", '') || ' ' || coalesce("description"->>'en', '')), 'B')
) STORED;
--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search_vector");
--> statement-breakpoint
INSERT INTO "data_versions" ("scope", "version") VALUES ('taxonomy', 0);
--> statement-breakpoint
CREATE TRIGGER concepts_bump_taxonomy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "concepts"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('taxonomy');
--> statement-breakpoint
CREATE TRIGGER concept_relations_bump_taxonomy AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "concept_relations"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('taxonomy');
