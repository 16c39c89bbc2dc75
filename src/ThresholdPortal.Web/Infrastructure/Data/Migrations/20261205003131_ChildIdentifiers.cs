using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChildIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Disabilities",
                table: "ReferralChildren",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Ethnicity",
                table: "ReferralChildren",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FirstLanguage",
                table: "ReferralChildren",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterpreterNeeded",
                table: "ReferralChildren",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NhsNumber",
                table: "ReferralChildren",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sex",
                table: "ReferralChildren",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upn",
                table: "ReferralChildren",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NhsNumber",
                table: "Persons",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Upn",
                table: "Persons",
                type: "character varying(13)",
                maxLength: 13,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_NhsNumber",
                table: "Persons",
                column: "NhsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_Upn",
                table: "Persons",
                column: "Upn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_NhsNumber",
                table: "Persons");

            migrationBuilder.DropIndex(
                name: "IX_Persons_Upn",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "Disabilities",
                table: "ReferralChildren");

            migrationBuilder.DropColumn(
                name: "Ethnicity",
                table: "ReferralChildren");

            migrationBuilder.DropColumn(
                name: "FirstLanguage",
                table: "ReferralChildren");

            migrationBuilder.DropColumn(
                name: "InterpreterNeeded",
                table: "ReferralChildren");

            migrationBuilder.DropColumn(
                name: "NhsNumber",
                table: "ReferralChildren");

            migrationBuilder.DropColumn(
                name: "Sex",
                table: "ReferralChildren");

            migrationBuilder.DropColumn(
                name: "Upn",
                table: "ReferralChildren");

            migrationBuilder.DropColumn(
                name: "NhsNumber",
                table: "Persons");

            migrationBuilder.DropColumn(
                name: "Upn",
                table: "Persons");
        }
    }
}
