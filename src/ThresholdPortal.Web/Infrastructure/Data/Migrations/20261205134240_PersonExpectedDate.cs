using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonExpectedDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExpectedDate",
                table: "Persons",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_ExpectedDate",
                table: "Persons",
                column: "ExpectedDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_ExpectedDate",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "ExpectedDate",
                table: "Persons");
        }
    }
}
