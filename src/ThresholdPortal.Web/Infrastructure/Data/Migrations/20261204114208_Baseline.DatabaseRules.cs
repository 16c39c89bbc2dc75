using Microsoft.EntityFrameworkCore.Migrations;

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations;

// The rules the model cannot express, carried by hand from the migrations the baseline replaced
// (docs/decisions/0083): `migrations add` regenerates only the model, so these would otherwise be lost.
public partial class Baseline
{
    private static void CreateDatabaseRules(MigrationBuilder migrationBuilder)
    {
        // Append-only: the database itself refuses to change or remove audit history,
        // whatever the application (or anyone with its credentials) attempts.
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'The audit trail is append-only: % is not allowed', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$;
            CREATE TRIGGER audit_events_append_only
                BEFORE UPDATE OR DELETE ON "AuditEvents"
                FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only();
            CREATE TRIGGER audit_events_no_truncate
                BEFORE TRUNCATE ON "AuditEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only();
            """);

        // The quality checks match terms whatever their case: "camhs" and "CAMHS" are one term.
        migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_GlossaryTerms_Term_Lower" ON "GlossaryTerms" (lower("Term"));""");

        // Published and retired versions never change (docs/decisions/0050): the handlers refuse, and so
        // does the database. The only change allowed is retiring a published version. Deleting a whole
        // version is left to the foreign key from Referrals (a version any referral used cannot go);
        // inserts into a published version's parts are left to the handlers, because the seeder inserts
        // a published version and its parts in one batch.
        migrationBuilder.Sql("""
            CREATE FUNCTION threshold_document_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF OLD."Status" = 'Draft' THEN
                    RETURN NEW;
                END IF;
                IF OLD."Status" = 'Published' AND NEW."Status" = 'Retired'
                   AND (NEW."Key", NEW."Name", NEW."Version", NEW."PublishedOn", NEW."LoadedAt")
                       IS NOT DISTINCT FROM (OLD."Key", OLD."Name", OLD."Version", OLD."PublishedOn", OLD."LoadedAt") THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'threshold document % version % is % and cannot be changed', OLD."Key", OLD."Version", OLD."Status"
                    USING ERRCODE = 'integrity_constraint_violation';
            END $$;

            CREATE TRIGGER threshold_document_is_immutable BEFORE UPDATE ON "ThresholdDocuments"
                FOR EACH ROW EXECUTE FUNCTION threshold_document_is_immutable();

            CREATE FUNCTION threshold_document_part_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM "ThresholdDocuments" d
                           WHERE d."Id" IN (OLD."ThresholdDocumentId", CASE WHEN TG_OP = 'UPDATE' THEN NEW."ThresholdDocumentId" END)
                             AND d."Status" <> 'Draft') THEN
                    RAISE EXCEPTION 'a published threshold document version cannot be changed (%)', TG_TABLE_NAME
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$;

            CREATE TRIGGER threshold_level_description_is_immutable BEFORE UPDATE OR DELETE ON "ThresholdLevelDescriptions"
                FOR EACH ROW EXECUTE FUNCTION threshold_document_part_is_immutable();
            CREATE TRIGGER threshold_sub_domain_is_immutable BEFORE UPDATE OR DELETE ON "ThresholdSubDomains"
                FOR EACH ROW EXECUTE FUNCTION threshold_document_part_is_immutable();
            CREATE TRIGGER threshold_indicator_is_immutable BEFORE UPDATE OR DELETE ON "ThresholdIndicators"
                FOR EACH ROW EXECUTE FUNCTION threshold_document_part_is_immutable();
            """);

        // Append-only, as the audit trail: a submitted response, its attachments and the record of whom a
        // request named are never changed or removed, whatever the application (or anyone with its
        // credentials) attempts. A correction is a new response (docs/decisions/0041).
        migrationBuilder.Sql("""
            CREATE FUNCTION information_requests_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$;
            CREATE TRIGGER information_responses_append_only
                BEFORE UPDATE OR DELETE ON "InformationResponses"
                FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
            CREATE TRIGGER information_responses_no_truncate
                BEFORE TRUNCATE ON "InformationResponses"
                FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
            CREATE TRIGGER information_response_attachments_append_only
                BEFORE UPDATE OR DELETE ON "InformationResponseAttachments"
                FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
            CREATE TRIGGER information_response_attachments_no_truncate
                BEFORE TRUNCATE ON "InformationResponseAttachments"
                FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
            CREATE TRIGGER information_response_attachment_contents_append_only
                BEFORE UPDATE OR DELETE ON "InformationResponseAttachmentContents"
                FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
            CREATE TRIGGER information_response_attachment_contents_no_truncate
                BEFORE TRUNCATE ON "InformationResponseAttachmentContents"
                FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
            CREATE TRIGGER information_request_subjects_append_only
                BEFORE UPDATE OR DELETE ON "InformationRequestSubjects"
                FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
            CREATE TRIGGER information_request_subjects_no_truncate
                BEFORE TRUNCATE ON "InformationRequestSubjects"
                FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
            """);
    }

    // Runs after the tables are dropped, which drops their triggers and the expression index with them.
    private static void DropDatabaseRules(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP FUNCTION information_requests_append_only();
            DROP FUNCTION threshold_document_part_is_immutable();
            DROP FUNCTION threshold_document_is_immutable();
            DROP FUNCTION audit_events_are_append_only();
            """);
    }
}
