using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorPhrasesAndSuggestionResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Phrases",
                table: "ThresholdIndicators",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateTable(
                name: "IndicatorSuggestionResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorSuggestionResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorSuggestionResponses_ReferralChildren_ChildId",
                        column: x => x.ChildId,
                        principalTable: "ReferralChildren",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorSuggestionResponses_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IndicatorSuggestionResponses_ThresholdDocuments_ThresholdDo~",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSuggestionResponses_ChildId_IndicatorCode",
                table: "IndicatorSuggestionResponses",
                columns: new[] { "ChildId", "IndicatorCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSuggestionResponses_ReferralId",
                table: "IndicatorSuggestionResponses",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorSuggestionResponses_ThresholdDocumentId_IndicatorC~",
                table: "IndicatorSuggestionResponses",
                columns: new[] { "ThresholdDocumentId", "IndicatorCode" })
                .Annotation("Npgsql:IndexInclude", new[] { "Accepted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorSuggestionResponses");

            migrationBuilder.DropColumn(
                name: "Phrases",
                table: "ThresholdIndicators");
        }
    }
}
