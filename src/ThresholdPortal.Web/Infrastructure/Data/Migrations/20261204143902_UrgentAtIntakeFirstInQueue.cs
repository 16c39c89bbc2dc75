using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class UrgentAtIntakeFirstInQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "QueueDueAt",
                table: "MashCases",
                type: "timestamp with time zone",
                nullable: false,
                computedColumnSql: "CASE WHEN \"Rating\" IS NULL AND (\"Flags\" & 128) <> 0 THEN '0001-01-01 00:00:00+00'::timestamptz ELSE COALESCE(\"DecisionDueAt\", '9999-12-31 00:00:00+00'::timestamptz) END",
                stored: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldComputedColumnSql: "COALESCE(\"DecisionDueAt\", '9999-12-31 00:00:00+00'::timestamptz)",
                oldStored: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "QueueDueAt",
                table: "MashCases",
                type: "timestamp with time zone",
                nullable: false,
                computedColumnSql: "COALESCE(\"DecisionDueAt\", '9999-12-31 00:00:00+00'::timestamptz)",
                stored: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldComputedColumnSql: "CASE WHEN \"Rating\" IS NULL AND (\"Flags\" & 128) <> 0 THEN '0001-01-01 00:00:00+00'::timestamptz ELSE COALESCE(\"DecisionDueAt\", '9999-12-31 00:00:00+00'::timestamptz) END",
                oldStored: true);
        }
    }
}
