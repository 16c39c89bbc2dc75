using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReasonsForTheReferrer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Decisions proposed before this step get no reasons for the referrer, never a copy of the rationale: their
            // feedback drafts start with empty reasons, which the feedback form requires the practitioner to write.
            migrationBuilder.AddColumn<string>(
                name: "ReasonsForReferrer",
                table: "CaseDecisions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReasonsForReferrer",
                table: "CaseDecisions");
        }
    }
}
