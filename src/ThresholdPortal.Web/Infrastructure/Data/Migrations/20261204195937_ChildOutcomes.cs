using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Each child's outcome in a decision (docs/decisions/0092). Decisions made before were per case: every child the referral
    /// names is given the case's outcome, so the returns read the same flags as before and no child is without an outcome.
    /// </summary>
    public partial class ChildOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildOutcomes",
                columns: table => new
                {
                    ReferralChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildOutcomes", x => new { x.DecisionId, x.ReferralChildId });
                    table.ForeignKey(
                        name: "FK_ChildOutcomes_CaseDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChildOutcomes_ReferralChildren_ReferralChildId",
                        column: x => x.ReferralChildId,
                        principalTable: "ReferralChildren",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildOutcomes_ReferralChildId",
                table: "ChildOutcomes",
                column: "ReferralChildId");

            migrationBuilder.Sql("""
                INSERT INTO "ChildOutcomes" ("DecisionId", "ReferralChildId", "Outcome")
                SELECT d."Id", rc."Id", d."Outcome"
                FROM "CaseDecisions" d
                JOIN "MashCases" c ON c."Id" = d."CaseId"
                JOIN "ReferralChildren" rc ON rc."ReferralId" = c."ReferralId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildOutcomes");
        }
    }
}
