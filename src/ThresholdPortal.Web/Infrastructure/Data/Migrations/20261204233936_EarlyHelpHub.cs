using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class EarlyHelpHub : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EarlyHelpFirstContactDays",
                table: "MashSettingsVersions",
                type: "integer",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.CreateTable(
                name: "LeadProfessionals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadProfessionals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    SteppedDownFromCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    StepDownId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstContactDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LeadProfessionalId = table.Column<Guid>(type: "uuid", nullable: true),
                    AllocatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SiblingReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FirstContactAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConsentRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AssessmentStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssessmentCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OutcomeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SteppedUpAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StepUpReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SteppedUpToCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpCases_EarlyHelpStepDowns_StepDownId",
                        column: x => x.StepDownId,
                        principalTable: "EarlyHelpStepDowns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpCases_LeadProfessionals_LeadProfessionalId",
                        column: x => x.LeadProfessionalId,
                        principalTable: "LeadProfessionals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpCases_MashCases_SteppedDownFromCaseId",
                        column: x => x.SteppedDownFromCaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpCases_MashCases_SteppedUpToCaseId",
                        column: x => x.SteppedUpToCaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpCases_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_LeadProfessionalId_FirstContactDueAt_Id",
                table: "EarlyHelpCases",
                columns: new[] { "LeadProfessionalId", "FirstContactDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_OpenByDue",
                table: "EarlyHelpCases",
                columns: new[] { "FirstContactDueAt", "Id" },
                filter: "\"Status\" NOT IN ('Closed', 'SteppedUp')");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_ReferralId",
                table: "EarlyHelpCases",
                column: "ReferralId",
                unique: true,
                filter: "\"StepDownId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_Status_FirstContactDueAt_Id",
                table: "EarlyHelpCases",
                columns: new[] { "Status", "FirstContactDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_StepDownId",
                table: "EarlyHelpCases",
                column: "StepDownId",
                unique: true,
                filter: "\"StepDownId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_SteppedDownFromCaseId",
                table: "EarlyHelpCases",
                column: "SteppedDownFromCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpCases_SteppedUpToCaseId",
                table: "EarlyHelpCases",
                column: "SteppedUpToCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadProfessionals_Name",
                table: "LeadProfessionals",
                column: "Name",
                unique: true);

            // Requests and step-downs received before the hub had work of its own become new hub work. A migration has no
            // working-day calendar, so their first contact falls due a week after receipt (5 working days in most weeks).
            migrationBuilder.Sql("""
                INSERT INTO "EarlyHelpCases" ("Id", "Reference", "ReferralId", "ReceivedAt", "FirstContactDueAt", "Status")
                SELECT gen_random_uuid(), r."Reference", r."Id", r."SubmittedAt", r."SubmittedAt" + interval '7 days', 'New'
                FROM "Referrals" r
                WHERE r."Status" = 'Submitted' AND r."Kind" = 'EarlyHelpRequest';
                INSERT INTO "EarlyHelpCases"
                    ("Id", "Reference", "ReferralId", "SteppedDownFromCaseId", "StepDownId", "ReceivedAt", "FirstContactDueAt", "Status")
                SELECT gen_random_uuid(), s."Reference", s."ReferralId", s."CaseId", s."Id", s."SteppedDownAt",
                    s."SteppedDownAt" + interval '7 days', 'New'
                FROM "EarlyHelpStepDowns" s
                WHERE s."WithdrawnAt" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EarlyHelpCases");

            migrationBuilder.DropTable(
                name: "LeadProfessionals");

            migrationBuilder.DropColumn(
                name: "EarlyHelpFirstContactDays",
                table: "MashSettingsVersions");
        }
    }
}
