using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "ReferralReferenceNumbers");

            migrationBuilder.CreateTable(
                name: "EarlyHelpServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Offer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: false),
                    MaximumAge = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HowToAccess = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpServices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdempotencyKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferrerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferringOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralSourceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChildInImmediateDanger = table.Column<bool>(type: "boolean", nullable: true),
                    FgmKnownOrSuspected = table.Column<bool>(type: "boolean", nullable: true),
                    SuggestedLevel = table.Column<int>(type: "integer", nullable: true),
                    SuggestionReasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    ChosenLevel = table.Column<int>(type: "integer", nullable: true),
                    EarlyHelpChoice = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReasonForMashReferral = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Categories = table.Column<List<string>>(type: "text[]", nullable: true),
                    Communication_CommunicationNeedsDetails = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Communication_HasCommunicationNeeds = table.Column<bool>(type: "boolean", nullable: true),
                    Communication_InterpreterNeeded = table.Column<bool>(type: "boolean", nullable: true),
                    Communication_Language = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Concerns_Analysis = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_ExpectedOutcome = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_History = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_OtherProfessionals = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_PreviousHelp = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_ProtectiveFactors = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_RiskFactors = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Concerns_WhatHappened = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    Consent_Decision = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Consent_Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Consent_SharingBasis = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FollowUps_CceDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_CseDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_CsePeopleAndPlaces = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_CseRiskToolCompleted = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUps_DashCompleted = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUps_FgmPoliceReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    FollowUps_FgmReportedToPolice = table.Column<bool>(type: "boolean", nullable: true),
                    FollowUps_MissingDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    FollowUps_OtherDetails = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    Referrer_Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Referrer_JobTitle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Referrer_Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Referrer_OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Referrer_Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_AspNetUsers_ReferrerUserId",
                        column: x => x.ReferrerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Organisations_ReferringOrganisationId",
                        column: x => x.ReferringOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdIndicators",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    SubDomainCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdIndicators", x => new { x.ThresholdDocumentId, x.Code });
                    table.ForeignKey(
                        name: "FK_ThresholdIndicators_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdLevelDescriptions",
                columns: table => new
                {
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdLevelDescriptions", x => new { x.ThresholdDocumentId, x.Level });
                    table.ForeignKey(
                        name: "FK_ThresholdLevelDescriptions_ThresholdDocuments_ThresholdDocu~",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThresholdSubDomains",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ThresholdDocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Domain = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThresholdSubDomains", x => new { x.ThresholdDocumentId, x.Code });
                    table.ForeignKey(
                        name: "FK_ThresholdSubDomains_ThresholdDocuments_ThresholdDocumentId",
                        column: x => x.ThresholdDocumentId,
                        principalTable: "ThresholdDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralAdults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Relationship = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LivesWithChildren = table.Column<bool>(type: "boolean", nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    KnowsAboutReferral = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAdults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralAdults_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralAttachments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IsUnborn = table.Column<bool>(type: "boolean", nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Gender = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AddressLine2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SchoolOrSetting = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HowConcernsAffectChild = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    ChildsVoice = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    SiblingsExperiences = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: true),
                    IndicatorCodes = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralChildren_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralQualityFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: true),
                    Term = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralQualityFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralQualityFlags_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralAttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_ReferralAttachmentContents_ReferralAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "ReferralAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpServices_Name",
                table: "EarlyHelpServices",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferralAdults_ReferralId",
                table: "ReferralAdults",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralAttachments_ReferralId",
                table: "ReferralAttachments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralChildren_FamilyName_DateOfBirth",
                table: "ReferralChildren",
                columns: new[] { "FamilyName", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralChildren_ReferralId",
                table: "ReferralChildren",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralQualityFlags_Kind",
                table: "ReferralQualityFlags",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralQualityFlags_ReferralId",
                table: "ReferralQualityFlags",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_IdempotencyKey",
                table: "Referrals",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Reference",
                table: "Referrals",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferrerUserId_Status",
                table: "Referrals",
                columns: new[] { "ReferrerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferringOrganisationId_Status",
                table: "Referrals",
                columns: new[] { "ReferringOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_Kind_SubmittedAt",
                table: "Referrals",
                columns: new[] { "Status", "Kind", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ThresholdDocumentId",
                table: "Referrals",
                column: "ThresholdDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdDocuments_Key_Version",
                table: "ThresholdDocuments",
                columns: new[] { "Key", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EarlyHelpServices");

            migrationBuilder.DropTable(
                name: "ReferralAdults");

            migrationBuilder.DropTable(
                name: "ReferralAttachmentContents");

            migrationBuilder.DropTable(
                name: "ReferralChildren");

            migrationBuilder.DropTable(
                name: "ReferralQualityFlags");

            migrationBuilder.DropTable(
                name: "ThresholdIndicators");

            migrationBuilder.DropTable(
                name: "ThresholdLevelDescriptions");

            migrationBuilder.DropTable(
                name: "ThresholdSubDomains");

            migrationBuilder.DropTable(
                name: "ReferralAttachments");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "ThresholdDocuments");

            migrationBuilder.DropSequence(
                name: "ReferralReferenceNumbers");
        }
    }
}
