using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class EarlyHelpMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "TakeUpWindowEndsAt",
                table: "EarlyHelpCases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Work opened before this change: a migration has no working calendar, so 20 working days are taken as four weeks.
            migrationBuilder.Sql("UPDATE \"EarlyHelpCases\" SET \"TakeUpWindowEndsAt\" = \"ReceivedAt\" + interval '28 days';");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_ReceivedAt_Id",
                table: "EarlyHelpCases",
                columns: new[] { "ReceivedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EarlyHelpCases_ReceivedAt_Id",
                table: "EarlyHelpCases");

            migrationBuilder.DropColumn(
                name: "TakeUpWindowEndsAt",
                table: "EarlyHelpCases");
        }
    }
}
