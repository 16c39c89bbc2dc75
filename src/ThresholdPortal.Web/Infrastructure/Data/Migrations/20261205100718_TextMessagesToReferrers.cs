using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class TextMessagesToReferrers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TextMessagesTo",
                table: "AspNetUsers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextMessagesTo",
                table: "AspNetUsers");
        }
    }
}
