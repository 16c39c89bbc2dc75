using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class InsightsTriggersReadTheirKeys : Migration
    {
        // The insights summary's row triggers (docs/decisions/0134) found the case or referral a row points at by turning the
        // whole row into JSON, twice, on every change: the wide referral row most of all, on every save of a draft. Each
        // trigger now reads its key column by name, and a referral's trigger leaves drafts alone (a draft has no case yet; the
        // send's case marks its day when it is opened). Which days are marked stale is unchanged.

        /// <summary>The tables that point at a case (or a referral) by one column, with a trigger pair each.</summary>
        private static readonly (string Table, string Column, string Holds)[] RowTables =
        [
            ("ReferrerFeedback", "CaseId", "case"),
            ("InformationRequests", "CaseId", "case"),
            ("AgencyChecksNotNeeded", "CaseId", "case"),
            ("Escalations", "CaseId", "case"),
            ("ReferralQualityFlags", "ReferralId", "referral"),
        ];

        /// <summary>A row's trigger function: it marks the day of the case (or the referral's case) the row pointed at before
        /// the change, and the one it points at after, when that is another.</summary>
        private static string RowFunction(string holds, string column) => $"""
            CREATE FUNCTION insights_{holds}_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    PERFORM insights_stale_{holds}(OLD."{column}");
                END IF;
                IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."{column}" IS DISTINCT FROM OLD."{column}") THEN
                    PERFORM insights_stale_{holds}(NEW."{column}");
                END IF;
                RETURN NULL;
            END
            $$;

            """;

        private static string KeyedFunctions => string.Concat(RowTables.Select(r => (r.Holds, r.Column)).Distinct()
            .Select(r => RowFunction(r.Holds, r.Column))) + """
            CREATE FUNCTION insights_referral_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM insights_stale_referral(NEW."Id");
                RETURN NULL;
            END
            $$;

            """;

        private const string GenericFunction = """
            -- TG_ARGV[0] names the row's case id column, TG_ARGV[1] says whether it holds a case or a referral.
            CREATE FUNCTION insights_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                id uuid;
            BEGIN
                FOREACH id IN ARRAY ARRAY[
                    CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> TG_ARGV[0])::uuid END,
                    CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> TG_ARGV[0])::uuid END]
                LOOP
                    CONTINUE WHEN id IS NULL;
                    IF TG_ARGV[1] = 'referral' THEN
                        PERFORM insights_stale_referral(id);
                    ELSE
                        PERFORM insights_stale_case(id);
                    END IF;
                END LOOP;
                RETURN NULL;
            END
            $$;

            """;

        private static string DropRowTriggers => string.Concat(RowTables.Select(r => $"""
            DROP TRIGGER insights_row_added_or_removed ON "{r.Table}";
            DROP TRIGGER insights_row_updated ON "{r.Table}";

            """)) + """
            DROP TRIGGER insights_referral_updated ON "Referrals";

            """;

        private static string KeyedTriggers => string.Concat(RowTables.Select(r => $"""
            CREATE TRIGGER insights_row_added_or_removed AFTER INSERT OR DELETE ON "{r.Table}"
                FOR EACH ROW EXECUTE FUNCTION insights_{r.Holds}_row_changed();
            CREATE TRIGGER insights_row_updated AFTER UPDATE ON "{r.Table}"
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION insights_{r.Holds}_row_changed();

            """)) + """
            CREATE TRIGGER insights_referral_updated AFTER UPDATE ON "Referrals"
                FOR EACH ROW WHEN (OLD."Status" <> 'Draft' AND OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION insights_referral_changed();

            """;

        private static string GenericTriggers => string.Concat(RowTables.Select(r => $"""
            CREATE TRIGGER insights_row_added_or_removed AFTER INSERT OR DELETE ON "{r.Table}"
                FOR EACH ROW EXECUTE FUNCTION insights_row_changed('{r.Column}', '{r.Holds}');
            CREATE TRIGGER insights_row_updated AFTER UPDATE ON "{r.Table}"
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE FUNCTION insights_row_changed('{r.Column}', '{r.Holds}');

            """)) + """
            CREATE TRIGGER insights_referral_updated AFTER UPDATE ON "Referrals"
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION insights_row_changed('Id', 'referral');

            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropRowTriggers + "DROP FUNCTION insights_row_changed();\n" + KeyedFunctions + KeyedTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropRowTriggers + """
                DROP FUNCTION insights_referral_changed();
                DROP FUNCTION insights_referral_row_changed();
                DROP FUNCTION insights_case_row_changed();

                """ + GenericFunction + GenericTriggers);
        }
    }
}
