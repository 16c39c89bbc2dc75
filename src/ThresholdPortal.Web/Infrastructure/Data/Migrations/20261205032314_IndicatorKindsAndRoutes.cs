using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorKindsAndRoutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ThresholdIndicators",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                // Indicators stored before kinds existed are ordinary ones.
                defaultValue: "General");

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "ThresholdIndicators",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ThresholdIndicators");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "ThresholdIndicators");
        }
    }
}
