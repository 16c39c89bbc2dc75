using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DecisionsRevisedAfterEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferrerFeedback_CaseId",
                table: "ReferrerFeedback");

            migrationBuilder.DropIndex(
                name: "IX_ReferrerFeedback_DecisionId",
                table: "ReferrerFeedback");

            migrationBuilder.DropIndex(
                name: "IX_EarlyHelpStepDowns_CaseId",
                table: "EarlyHelpStepDowns");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WithdrawnAt",
                table: "EarlyHelpStepDowns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_CaseId",
                table: "ReferrerFeedback",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_DecisionId",
                table: "ReferrerFeedback",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_CaseId",
                table: "EarlyHelpStepDowns",
                column: "CaseId",
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferrerFeedback_CaseId",
                table: "ReferrerFeedback");

            migrationBuilder.DropIndex(
                name: "IX_ReferrerFeedback_DecisionId",
                table: "ReferrerFeedback");

            migrationBuilder.DropIndex(
                name: "IX_EarlyHelpStepDowns_CaseId",
                table: "EarlyHelpStepDowns");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "EarlyHelpStepDowns");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_CaseId",
                table: "ReferrerFeedback",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_DecisionId",
                table: "ReferrerFeedback",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_CaseId",
                table: "EarlyHelpStepDowns",
                column: "CaseId",
                unique: true);
        }
    }
}
