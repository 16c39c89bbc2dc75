using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// The screening question on FGM now tells known FGM (the reporting duty) from a girl at risk, and asks the referrer's
    /// profession when it is known. An earlier "yes" meant "known or suspected" and was treated as known (the duty was
    /// shown), so it becomes Known; no profession is invented for it.
    /// </summary>
    public partial class FgmKnownOrAtRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Fgm",
                table: "Referrals",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferrerProfession",
                table: "Referrals",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Referrals" SET "Fgm" = CASE "FgmKnownOrSuspected" WHEN TRUE THEN 'Known' ELSE 'None' END
                WHERE "FgmKnownOrSuspected" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "FgmKnownOrSuspected",
                table: "Referrals");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FgmKnownOrSuspected",
                table: "Referrals",
                type: "boolean",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Referrals" SET "FgmKnownOrSuspected" = "Fgm" <> 'None' WHERE "Fgm" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "Fgm",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ReferrerProfession",
                table: "Referrals");
        }
    }
}
