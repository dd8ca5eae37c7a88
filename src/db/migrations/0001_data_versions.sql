-- A version number per data scope, bumped by triggers in the same transaction as any write,
-- so every Kenno server can tell cheaply whether its in-memory read models are current.
CREATE TABLE "data_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "data_versions" ("scope", "version") VALUES ('registry', 0);
--> statement-breakpoint
CREATE FUNCTION kenno_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE data_versions SET version = version + 1 WHERE scope = TG_ARGV[0];
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_bump_registry AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('registry');
--> statement-breakpoint
CREATE TRIGGER organisation_competences_bump_registry AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisation_competences"
	FOR EACH STATEMENT EXECUTE FUNCTION kenno_bump_data_version('registry');
