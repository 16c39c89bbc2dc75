using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class InsightsDailySummary : Migration
    {
        // The insights summary (docs/decisions/0134): every change a MASH measure reads records, in its own transaction, the
        // receipt time and organisation of the case whose day it makes stale. Updates count only when the row really changed.
        private static string InsightsTriggers => """
            CREATE FUNCTION insights_stale_case(case_id uuid) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                SELECT c."ReceivedAt", c."ReferringOrganisationId" FROM "MashCases" c WHERE c."Id" = case_id
            $$;

            CREATE FUNCTION insights_stale_referral(referral_id uuid) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                SELECT c."ReceivedAt", c."ReferringOrganisationId" FROM "MashCases" c WHERE c."ReferralId" = referral_id
            $$;

            -- A child's link changes the case's re-referral count and every other case of the same child's.
            CREATE FUNCTION insights_stale_child(case_id uuid, person_id uuid, link_role text) RETURNS void LANGUAGE sql AS $$
                INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                SELECT c."ReceivedAt", c."ReferringOrganisationId" FROM "MashCases" c WHERE c."Id" = case_id
                UNION ALL
                SELECT c."ReceivedAt", c."ReferringOrganisationId"
                FROM "PersonLinks" e JOIN "MashCases" c ON c."Id" = e."CaseId"
                WHERE link_role = 'Child' AND e."PersonId" = person_id AND e."Role" = 'Child' AND e."CaseId" <> case_id
            $$;

            CREATE FUNCTION insights_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                    VALUES (OLD."ReceivedAt", OLD."ReferringOrganisationId");
                END IF;
                IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW."ReceivedAt", NEW."ReferringOrganisationId") IS DISTINCT FROM
                                                            (OLD."ReceivedAt", OLD."ReferringOrganisationId")) THEN
                    INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                    VALUES (NEW."ReceivedAt", NEW."ReferringOrganisationId");
                END IF;
                RETURN NULL;
            END
            $$;

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

            CREATE FUNCTION insights_link_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    PERFORM insights_stale_child(OLD."CaseId", OLD."PersonId", OLD."Role");
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    PERFORM insights_stale_child(NEW."CaseId", NEW."PersonId", NEW."Role");
                END IF;
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER insights_case_added_or_removed AFTER INSERT OR DELETE ON "MashCases"
                FOR EACH ROW EXECUTE FUNCTION insights_case_changed();
            CREATE TRIGGER insights_case_updated AFTER UPDATE ON "MashCases"
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION insights_case_changed();
            CREATE TRIGGER insights_link_added_or_removed AFTER INSERT OR DELETE ON "PersonLinks"
                FOR EACH ROW EXECUTE FUNCTION insights_link_changed();
            CREATE TRIGGER insights_link_updated AFTER UPDATE ON "PersonLinks"
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION insights_link_changed();
            CREATE TRIGGER insights_referral_updated AFTER UPDATE ON "Referrals"
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION insights_row_changed('Id', 'referral');
            """ + RowTriggers;

        /// <summary>The tables that point at a case (or a referral) by one column, with a trigger pair each.</summary>
        private static readonly (string Table, string Column, string Holds)[] CaseRows =
        [
            ("ReferrerFeedback", "CaseId", "case"),
            ("InformationRequests", "CaseId", "case"),
            ("AgencyChecksNotNeeded", "CaseId", "case"),
            ("Escalations", "CaseId", "case"),
            ("ReferralQualityFlags", "ReferralId", "referral"),
        ];

        private static string RowTriggers => string.Concat(CaseRows.Select(r => $"""

            CREATE TRIGGER insights_row_added_or_removed AFTER INSERT OR DELETE ON "{r.Table}"
                FOR EACH ROW EXECUTE FUNCTION insights_row_changed('{r.Column}', '{r.Holds}');
            CREATE TRIGGER insights_row_updated AFTER UPDATE ON "{r.Table}"
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION insights_row_changed('{r.Column}', '{r.Holds}');
            """));

        private static string DropInsightsTriggers => string.Concat(CaseRows.Select(r => $"""
            DROP TRIGGER insights_row_added_or_removed ON "{r.Table}";
            DROP TRIGGER insights_row_updated ON "{r.Table}";

            """)) + """
            DROP TRIGGER insights_referral_updated ON "Referrals";
            DROP TRIGGER insights_link_updated ON "PersonLinks";
            DROP TRIGGER insights_link_added_or_removed ON "PersonLinks";
            DROP TRIGGER insights_case_updated ON "MashCases";
            DROP TRIGGER insights_case_added_or_removed ON "MashCases";
            DROP FUNCTION insights_link_changed();
            DROP FUNCTION insights_row_changed();
            DROP FUNCTION insights_case_changed();
            DROP FUNCTION insights_stale_child(uuid, uuid, text);
            DROP FUNCTION insights_stale_referral(uuid);
            DROP FUNCTION insights_stale_case(uuid);
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightsDayAgencies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgencyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Answered = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredOnTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsDayAgencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightsDayQualityFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Referrals = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsDayQualityFlags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightsDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Numerators = table.Column<long[]>(type: "bigint[]", nullable: false),
                    Denominators = table.Column<long[]>(type: "bigint[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightsStaleDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsStaleDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightsSummaryStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightsSummaryStates", x => x.Id);
                    table.CheckConstraint("CK_InsightsSummaryStates_One", "\"Id\" = 1");
                });

            migrationBuilder.CreateIndex(
                name: "IX_InsightsDayAgencies_Day_OrganisationId",
                table: "InsightsDayAgencies",
                columns: new[] { "Day", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_InsightsDayQualityFlags_Day_OrganisationId",
                table: "InsightsDayQualityFlags",
                columns: new[] { "Day", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_InsightsDays_Day_OrganisationId",
                table: "InsightsDays",
                columns: new[] { "Day", "OrganisationId" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_InsightsDays_OrganisationId_Day",
                table: "InsightsDays",
                columns: new[] { "OrganisationId", "Day" });

            migrationBuilder.Sql(InsightsTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropInsightsTriggers);

            migrationBuilder.DropTable(
                name: "InsightsDayAgencies");

            migrationBuilder.DropTable(
                name: "InsightsDayQualityFlags");

            migrationBuilder.DropTable(
                name: "InsightsDays");

            migrationBuilder.DropTable(
                name: "InsightsStaleDays");

            migrationBuilder.DropTable(
                name: "InsightsSummaryStates");
        }
    }
}
