using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SentReferralsNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Referrals_SentByOrganisation",
                table: "Referrals",
                columns: new[] { "ReferringOrganisationId", "SubmittedAt" },
                filter: "\"Status\" <> 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_SentByReferrer",
                table: "Referrals",
                columns: new[] { "ReferrerUserId", "SubmittedAt" },
                filter: "\"Status\" <> 'Draft'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_SentByOrganisation",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_SentByReferrer",
                table: "Referrals");
        }
    }
}
