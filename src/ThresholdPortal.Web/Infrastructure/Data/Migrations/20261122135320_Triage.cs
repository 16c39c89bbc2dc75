using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MashCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ReferringOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReferrerLevel = table.Column<int>(type: "integer", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DecisionDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssignedToUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Flags = table.Column<int>(type: "integer", nullable: false),
                    ContactOutcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ClosureReason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ClosureNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AdviceGiven = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    QueueDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, computedColumnSql: "COALESCE(\"DecisionDueAt\", '9999-12-31 00:00:00+00'::timestamptz)", stored: true),
                    UrgencyRank = table.Column<int>(type: "integer", nullable: false, computedColumnSql: "CASE \"Rating\" WHEN 'Red' THEN 1 WHEN 'Amber' THEN 2 WHEN 'Green' THEN 4 WHEN 'Blue' THEN 5 ELSE 3 END", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MashCases_AspNetUsers_AssignedToUserId",
                        column: x => x.AssignedToUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MashCases_Organisations_ReferringOrganisationId",
                        column: x => x.ReferringOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MashCases_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Involvement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InvolvementSince = table.Column<DateOnly>(type: "date", nullable: true),
                    InvolvementTeam = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Persons_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Persons_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MashCaseRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PreviousRating = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashCaseRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MashCaseRatings_AspNetUsers_RatedByUserId",
                        column: x => x.RatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MashCaseRatings_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MatchScore = table.Column<int>(type: "integer", nullable: true),
                    LinkedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonLinks_AspNetUsers_LinkedByUserId",
                        column: x => x.LinkedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonLinks_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonLinks_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MashCaseRatings_CaseId_RatedAt",
                table: "MashCaseRatings",
                columns: new[] { "CaseId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCaseRatings_RatedByUserId",
                table: "MashCaseRatings",
                column: "RatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Decided",
                table: "MashCases",
                columns: new[] { "ClosedAt", "Id" },
                filter: "\"Status\" = 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Newest",
                table: "MashCases",
                columns: new[] { "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Queue",
                table: "MashCases",
                columns: new[] { "QueueDueAt", "UrgencyRank", "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Queue_ByAssignee",
                table: "MashCases",
                columns: new[] { "AssignedToUserId", "QueueDueAt", "UrgencyRank", "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "Rating", "Flags", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Queue_ByStatus",
                table: "MashCases",
                columns: new[] { "Status", "QueueDueAt", "UrgencyRank", "ReceivedAt", "Id" },
                filter: "\"Status\" <> 'Decided'")
                .Annotation("Npgsql:IndexInclude", new[] { "Rating", "Flags", "AssignedToUserId", "ReferringOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_Reference",
                table: "MashCases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_ReferralId",
                table: "MashCases",
                column: "ReferralId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MashCases_ReferringOrganisationId",
                table: "MashCases",
                column: "ReferringOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_CaseId",
                table: "PersonLinks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_LinkedByUserId",
                table: "PersonLinks",
                column: "LinkedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_PersonId",
                table: "PersonLinks",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonLinks_SubjectId",
                table: "PersonLinks",
                column: "SubjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Persons_CreatedByUserId",
                table: "Persons",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_DateOfBirth",
                table: "Persons",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_HouseholdId",
                table: "Persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Persons_SearchName_Trigrams",
                table: "Persons",
                column: "SearchName")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MashCaseRatings");

            migrationBuilder.DropTable(
                name: "PersonLinks");

            migrationBuilder.DropTable(
                name: "MashCases");

            migrationBuilder.DropTable(
                name: "Persons");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
