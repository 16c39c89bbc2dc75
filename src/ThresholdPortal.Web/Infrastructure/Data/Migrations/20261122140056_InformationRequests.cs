using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class InformationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyChecksNotNeeded",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgencyKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyChecksNotNeeded", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyChecksNotNeeded_AspNetUsers_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyChecksNotNeeded_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AgencyKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Questions = table.Column<List<string>>(type: "text[]", nullable: false),
                    AdditionalQuestions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LawfulBasis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ConsentObtained = table.Column<bool>(type: "boolean", nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SentByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstViewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_AspNetUsers_SentByUserId",
                        column: x => x.SentByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnerAgencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RecipientKinds = table.Column<string[]>(type: "text[]", nullable: false),
                    StandardQuestions = table.Column<List<string>>(type: "text[]", nullable: false),
                    SuggestedFromReferralSchool = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerAgencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequestSubjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ReferralPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Address = table.Column<string>(type: "character varying(700)", maxLength: 700, nullable: true),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequestSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequestSubjects_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CorrectsResponseId = table.Column<Guid>(type: "uuid", nullable: true),
                    KnownToAgency = table.Column<bool>(type: "boolean", nullable: true),
                    InvolvementSummary = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    CurrentRisks = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    ConcernLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RespondedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RespondedByName = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationResponses_AspNetUsers_RespondedByUserId",
                        column: x => x.RespondedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationResponses_InformationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "InformationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationResponses_InformationResponses_CorrectsResponseId",
                        column: x => x.CorrectsResponseId,
                        principalTable: "InformationResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationResponseAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationResponseAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationResponseAttachments_InformationResponses_Respons~",
                        column: x => x.ResponseId,
                        principalTable: "InformationResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationResponseAttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationResponseAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_InformationResponseAttachmentContents_InformationResponseAt~",
                        column: x => x.AttachmentId,
                        principalTable: "InformationResponseAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChecksNotNeeded_CaseId_AgencyKey",
                table: "AgencyChecksNotNeeded",
                columns: new[] { "CaseId", "AgencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyChecksNotNeeded_RecordedByUserId",
                table: "AgencyChecksNotNeeded",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AgencyClosed",
                table: "InformationRequests",
                columns: new[] { "OrganisationId", "SentAt", "Id" },
                filter: "\"State\" IN ('Answered', 'Declined')");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_AgencyOpen",
                table: "InformationRequests",
                columns: new[] { "OrganisationId", "DueAt", "Id" },
                filter: "\"State\" IN ('Sent', 'Viewed')");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_CaseId_SentAt",
                table: "InformationRequests",
                columns: new[] { "CaseId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_OpenByCase",
                table: "InformationRequests",
                columns: new[] { "CaseId", "DueAt" },
                filter: "\"State\" IN ('Sent', 'Viewed')");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ReferralId",
                table: "InformationRequests",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_SentByUserId",
                table: "InformationRequests",
                column: "SentByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ToChase",
                table: "InformationRequests",
                column: "DueAt",
                filter: "\"State\" IN ('Sent', 'Viewed') AND \"ChasedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequestSubjects_RequestId_Order",
                table: "InformationRequestSubjects",
                columns: new[] { "RequestId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponseAttachments_ResponseId",
                table: "InformationResponseAttachments",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponses_CorrectsResponseId",
                table: "InformationResponses",
                column: "CorrectsResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponses_RequestId_SubmittedAt",
                table: "InformationResponses",
                columns: new[] { "RequestId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationResponses_RespondedByUserId",
                table: "InformationResponses",
                column: "RespondedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAgencies_Key",
                table: "PartnerAgencies",
                column: "Key",
                unique: true);

            // Append-only, as the audit trail: a submitted response, its attachments and the record of whom a
            // request named are never changed or removed, whatever the application (or anyone with its
            // credentials) attempts. A correction is a new response (docs/decisions/0041).
            migrationBuilder.Sql("""
                CREATE FUNCTION information_requests_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END;
                $$;
                CREATE TRIGGER information_responses_append_only
                    BEFORE UPDATE OR DELETE ON "InformationResponses"
                    FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
                CREATE TRIGGER information_responses_no_truncate
                    BEFORE TRUNCATE ON "InformationResponses"
                    FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
                CREATE TRIGGER information_response_attachments_append_only
                    BEFORE UPDATE OR DELETE ON "InformationResponseAttachments"
                    FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
                CREATE TRIGGER information_response_attachments_no_truncate
                    BEFORE TRUNCATE ON "InformationResponseAttachments"
                    FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
                CREATE TRIGGER information_response_attachment_contents_append_only
                    BEFORE UPDATE OR DELETE ON "InformationResponseAttachmentContents"
                    FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
                CREATE TRIGGER information_response_attachment_contents_no_truncate
                    BEFORE TRUNCATE ON "InformationResponseAttachmentContents"
                    FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
                CREATE TRIGGER information_request_subjects_append_only
                    BEFORE UPDATE OR DELETE ON "InformationRequestSubjects"
                    FOR EACH ROW EXECUTE FUNCTION information_requests_append_only();
                CREATE TRIGGER information_request_subjects_no_truncate
                    BEFORE TRUNCATE ON "InformationRequestSubjects"
                    FOR EACH STATEMENT EXECUTE FUNCTION information_requests_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyChecksNotNeeded");

            migrationBuilder.DropTable(
                name: "InformationRequestSubjects");

            migrationBuilder.DropTable(
                name: "InformationResponseAttachmentContents");

            migrationBuilder.DropTable(
                name: "PartnerAgencies");

            migrationBuilder.DropTable(
                name: "InformationResponseAttachments");

            migrationBuilder.DropTable(
                name: "InformationResponses");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.Sql("DROP FUNCTION information_requests_append_only();");
        }
    }
}
