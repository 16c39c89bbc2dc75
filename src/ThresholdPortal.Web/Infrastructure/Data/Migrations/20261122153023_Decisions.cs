using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "MashCases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DecidedLevel",
                table: "MashCases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DecidedWithinDeadline",
                table: "MashCases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecisionId",
                table: "MashCases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "MashCases",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RatingChangeReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PrimaryNeed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Factors = table.Column<List<string>>(type: "text[]", nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LawfulBasis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    LawfulBasisNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandoverTo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProposedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewComments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextSteps = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_AspNetUsers_ProposedByUserId",
                        column: x => x.ProposedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_AspNetUsers_ReviewedByUserId",
                        column: x => x.ReviewedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseDecisions_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferrerFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutcomeSummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LevelExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OtherSupport = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactDetails = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DraftedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferrerFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_AspNetUsers_SentByUserId",
                        column: x => x.SentByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_CaseDecisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "CaseDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferrerFeedback_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Escalations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Escalations_AspNetUsers_AnsweredByUserId",
                        column: x => x.AnsweredByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_AspNetUsers_RaisedByUserId",
                        column: x => x.RaisedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Escalations_ReferrerFeedback_FeedbackId",
                        column: x => x.FeedbackId,
                        principalTable: "ReferrerFeedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_DecisionId",
                table: "MashCases",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_AwaitingSignOff",
                table: "CaseDecisions",
                column: "ProposedAt",
                filter: "\"State\" = 'AwaitingSignOff'");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_CaseId_Revision",
                table: "CaseDecisions",
                columns: new[] { "CaseId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_ProposedByUserId",
                table: "CaseDecisions",
                column: "ProposedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_ReviewedByUserId",
                table: "CaseDecisions",
                column: "ReviewedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDecisions_ThresholdDocumentId",
                table: "CaseDecisions",
                column: "ThresholdDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_AnsweredByUserId",
                table: "Escalations",
                column: "AnsweredByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_CaseId",
                table: "Escalations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_FeedbackId",
                table: "Escalations",
                column: "FeedbackId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_Open",
                table: "Escalations",
                columns: new[] { "DueAt", "Id" },
                filter: "\"AnsweredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Escalations_RaisedByUserId",
                table: "Escalations",
                column: "RaisedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_CaseId",
                table: "ReferrerFeedback",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_DecisionId",
                table: "ReferrerFeedback",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_ReferralId",
                table: "ReferrerFeedback",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferrerFeedback_SentByUserId",
                table: "ReferrerFeedback",
                column: "SentByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Escalations");

            migrationBuilder.DropTable(
                name: "ReferrerFeedback");

            migrationBuilder.DropTable(
                name: "CaseDecisions");

            migrationBuilder.DropIndex(
                name: "IX_MashCases_DecisionId",
                table: "MashCases");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "MashCases");

            migrationBuilder.DropColumn(
                name: "DecidedLevel",
                table: "MashCases");

            migrationBuilder.DropColumn(
                name: "DecidedWithinDeadline",
                table: "MashCases");

            migrationBuilder.DropColumn(
                name: "DecisionId",
                table: "MashCases");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "MashCases");
        }
    }
}
