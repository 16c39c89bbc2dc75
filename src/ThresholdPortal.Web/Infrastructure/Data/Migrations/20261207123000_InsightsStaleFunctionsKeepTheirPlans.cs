using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class InsightsStaleFunctionsKeepTheirPlans : Migration
    {
        // The three functions the insights row triggers call (docs/decisions/0134) were written in SQL. PostgreSQL 15 plans a
        // SQL function's body afresh in every transaction that calls it, and the portal's writes are one row a transaction:
        // a quality flag's insert cost 0.41 ms, of which the planning was about 0.2. Written in PL/pgSQL, the same statements
        // keep their plans for the connection's life (the pool does not reset connections, docs/decisions/0132). What they
        // insert is unchanged.

        /// <summary>Each function's name and arguments, and the one statement it runs.</summary>
        private static readonly (string Signature, string Statement)[] Functions =
        [
            ("insights_stale_case(case_id uuid)", """
                INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                    SELECT c."ReceivedAt", c."ReferringOrganisationId" FROM "MashCases" c WHERE c."Id" = case_id
                """),
            ("insights_stale_referral(referral_id uuid)", """
                INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                    SELECT c."ReceivedAt", c."ReferringOrganisationId" FROM "MashCases" c WHERE c."ReferralId" = referral_id
                """),
            ("insights_stale_child(case_id uuid, person_id uuid, link_role text)", """
                INSERT INTO "InsightsStaleDays" ("ReceivedAt", "OrganisationId")
                    SELECT c."ReceivedAt", c."ReferringOrganisationId" FROM "MashCases" c WHERE c."Id" = case_id
                    UNION ALL
                    SELECT c."ReceivedAt", c."ReferringOrganisationId"
                    FROM "PersonLinks" e JOIN "MashCases" c ON c."Id" = e."CaseId"
                    WHERE link_role = 'Child' AND e."PersonId" = person_id AND e."Role" = 'Child' AND e."CaseId" <> case_id
                """),
        ];

        private static string Replaced(string language, Func<string, string> body) => string.Concat(Functions.Select(f => $"""
            CREATE OR REPLACE FUNCTION {f.Signature} RETURNS void LANGUAGE {language} AS $$
            {body(f.Statement)}
            $$;

            """));

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Replaced("plpgsql", statement => $"BEGIN\n{statement};\nEND"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Replaced("sql", statement => statement));
        }
    }
}
