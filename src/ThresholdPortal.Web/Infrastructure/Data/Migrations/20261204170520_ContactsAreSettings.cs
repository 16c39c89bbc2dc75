using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContactsAreSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Versions stored before contacts were settings keep null: they read as the shipped contacts (docs/decisions/0095).
            migrationBuilder.AddColumn<string>(
                name: "Contacts",
                table: "MashSettingsVersions",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Contacts",
                table: "MashSettingsVersions");
        }
    }
}
