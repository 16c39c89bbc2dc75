using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Audits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Strata = table.Column<string[]>(type: "text[]", nullable: false),
                    CasesPerStratum = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAudits_AspNetUsers_CompletedByUserId",
                        column: x => x.CompletedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseAudits_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditedCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stratum = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Features = table.Column<string[]>(type: "text[]", nullable: false),
                    Quality = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Agencies = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Agreement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Feedback = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    JudgedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditedCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditedCases_AspNetUsers_JudgedByUserId",
                        column: x => x.JudgedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AuditedCases_CaseAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "CaseAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AuditedCases_MashCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "MashCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditedCases_AuditId_CaseId",
                table: "AuditedCases",
                columns: new[] { "AuditId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditedCases_CaseId",
                table: "AuditedCases",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditedCases_JudgedByUserId",
                table: "AuditedCases",
                column: "JudgedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_CompletedByUserId",
                table: "CaseAudits",
                column: "CompletedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_CreatedAt",
                table: "CaseAudits",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudits_CreatedByUserId",
                table: "CaseAudits",
                column: "CreatedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditedCases");

            migrationBuilder.DropTable(
                name: "CaseAudits");
        }
    }
}
