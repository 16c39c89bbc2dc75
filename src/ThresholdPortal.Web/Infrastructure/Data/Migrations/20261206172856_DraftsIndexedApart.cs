using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class DraftsIndexedApart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ReferrerUserId_Status",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Status_Kind_SubmittedAt",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Drafts",
                table: "Referrals",
                columns: new[] { "ReferrerUserId", "Id" },
                filter: "\"Status\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_Kind_SubmittedAt",
                table: "Referrals",
                columns: new[] { "Status", "Kind", "SubmittedAt" },
                filter: "\"Status\" <> 'Draft'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_Drafts",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Status_Kind_SubmittedAt",
                table: "Referrals");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ReferrerUserId_Status",
                table: "Referrals",
                columns: new[] { "ReferrerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_Kind_SubmittedAt",
                table: "Referrals",
                columns: new[] { "Status", "Kind", "SubmittedAt" });
        }
    }
}
