using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class RetentionSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Retention",
                table: "MashSettingsVersions",
                type: "jsonb",
                nullable: true);

            // The audit trail stays append-only, with one narrow way out for retention (docs/decisions/0120): a function
            // that runs as the table's owner, removes only events older than its cutoff, at least a year older than the
            // newest event, and a bounded batch at a time. The trigger lets a DELETE through only inside that function:
            // the application's role can set the flag but can never be the owner.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' AND current_setting('thresholdportal.retention', true) = 'audit-events'
                       AND current_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'AuditEvents') THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'The audit trail is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;

                CREATE FUNCTION retention_remove_audit_events(older_than timestamptz, batch integer) RETURNS integer
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
                DECLARE
                    removed integer;
                BEGIN
                    IF batch IS NULL OR batch < 1 OR batch > 10000 THEN
                        RAISE EXCEPTION 'a retention batch is from 1 to 10000 events' USING ERRCODE = 'invalid_parameter_value';
                    END IF;
                    IF older_than > (SELECT max("OccurredAt") FROM "AuditEvents") - interval '1 year' THEN
                        RAISE EXCEPTION 'audit events are kept for at least a year' USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    PERFORM set_config('thresholdportal.retention', 'audit-events', true);
                    DELETE FROM "AuditEvents" WHERE "Id" IN (
                        SELECT "Id" FROM "AuditEvents" WHERE "OccurredAt" < older_than ORDER BY "OccurredAt", "Id" LIMIT batch);
                    GET DIAGNOSTICS removed = ROW_COUNT;
                    PERFORM set_config('thresholdportal.retention', '', true);
                    RETURN removed;
                END;
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION retention_remove_audit_events(timestamptz, integer);
                CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit trail is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                """);

            migrationBuilder.DropColumn(
                name: "Retention",
                table: "MashSettingsVersions");
        }
    }
}
