using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class EarlyHelpStepDowns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EarlyHelpStepDowns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SteppedDownAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SteppedDownByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpStepDowns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_AspNetUsers_SteppedDownByUserId",
                        column: x => x.SteppedDownByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_CaseDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpStepDowns_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_CaseId",
                table: "EarlyHelpStepDowns",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_DecisionId",
                table: "EarlyHelpStepDowns",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_ReferralId",
                table: "EarlyHelpStepDowns",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_SteppedDownAt",
                table: "EarlyHelpStepDowns",
                column: "SteppedDownAt");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpStepDowns_SteppedDownByUserId",
                table: "EarlyHelpStepDowns",
                column: "SteppedDownByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EarlyHelpStepDowns");
        }
    }
}
