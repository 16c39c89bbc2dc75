using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class MashSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MashSettingsVersions",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WorkingDayStarts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WorkingDayEnds = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WorkingDays = table.Column<int[]>(type: "integer[]", nullable: false),
                    RedHours = table.Column<double>(type: "double precision", nullable: false),
                    AmberHours = table.Column<double>(type: "double precision", nullable: false),
                    GreenHours = table.Column<double>(type: "double precision", nullable: false),
                    UnratedHours = table.Column<double>(type: "double precision", nullable: false),
                    GreenCountsWorkingTime = table.Column<bool>(type: "boolean", nullable: false),
                    RedWorkedOutOfHours = table.Column<bool>(type: "boolean", nullable: false),
                    RequestRedHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestAmberHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestGreenHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestBlueHours = table.Column<double>(type: "double precision", nullable: false),
                    RequestUnratedHours = table.Column<double>(type: "double precision", nullable: false),
                    BankHolidays = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashSettingsVersions", x => x.Version);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MashSettingsVersions");
        }
    }
}
