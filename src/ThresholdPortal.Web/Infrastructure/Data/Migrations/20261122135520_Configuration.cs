using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class Configuration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "ThresholdDocuments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Published");

            migrationBuilder.CreateTable(
                name: "GlossaryTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Term = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Meaning = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WidelyUnderstood = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GlossaryTerms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ThresholdDocuments_Key_Draft",
                table: "ThresholdDocuments",
                column: "Key",
                unique: true,
                filter: "\"Status\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_GlossaryTerms_Term",
                table: "GlossaryTerms",
                column: "Term",
                unique: true);

            // The quality checks match terms whatever their case: "camhs" and "CAMHS" are one term.
            migrationBuilder.Sql("""CREATE UNIQUE INDEX "IX_GlossaryTerms_Term_Lower" ON "GlossaryTerms" (lower("Term"));""");

            // Published and retired versions never change (docs/decisions/0050): the handlers refuse, and so
            // does the database. The only change allowed is retiring a published version. Deleting a whole
            // version is left to the foreign key from Referrals (a version any referral used cannot go);
            // inserts into a published version's parts are left to the handlers, because the seeder inserts
            // a published version and its parts in one batch.
            migrationBuilder.Sql("""
                CREATE FUNCTION threshold_document_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD."Status" = 'Draft' THEN
                        RETURN NEW;
                    END IF;
                    IF OLD."Status" = 'Published' AND NEW."Status" = 'Retired'
                       AND (NEW."Key", NEW."Name", NEW."Version", NEW."PublishedOn", NEW."LoadedAt")
                           IS NOT DISTINCT FROM (OLD."Key", OLD."Name", OLD."Version", OLD."PublishedOn", OLD."LoadedAt") THEN
                        RETURN NEW;
                    END IF;
                    RAISE EXCEPTION 'threshold document % version % is % and cannot be changed', OLD."Key", OLD."Version", OLD."Status"
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;

                CREATE TRIGGER threshold_document_is_immutable BEFORE UPDATE ON "ThresholdDocuments"
                    FOR EACH ROW EXECUTE FUNCTION threshold_document_is_immutable();

                CREATE FUNCTION threshold_document_part_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM "ThresholdDocuments" d
                               WHERE d."Id" IN (OLD."ThresholdDocumentId", CASE WHEN TG_OP = 'UPDATE' THEN NEW."ThresholdDocumentId" END)
                                 AND d."Status" <> 'Draft') THEN
                        RAISE EXCEPTION 'a published threshold document version cannot be changed (%)', TG_TABLE_NAME
                            USING ERRCODE = 'integrity_constraint_violation';
                    END IF;
                    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
                END $$;

                CREATE TRIGGER threshold_level_description_is_immutable BEFORE UPDATE OR DELETE ON "ThresholdLevelDescriptions"
                    FOR EACH ROW EXECUTE FUNCTION threshold_document_part_is_immutable();
                CREATE TRIGGER threshold_sub_domain_is_immutable BEFORE UPDATE OR DELETE ON "ThresholdSubDomains"
                    FOR EACH ROW EXECUTE FUNCTION threshold_document_part_is_immutable();
                CREATE TRIGGER threshold_indicator_is_immutable BEFORE UPDATE OR DELETE ON "ThresholdIndicators"
                    FOR EACH ROW EXECUTE FUNCTION threshold_document_part_is_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER threshold_indicator_is_immutable ON "ThresholdIndicators";
                DROP TRIGGER threshold_sub_domain_is_immutable ON "ThresholdSubDomains";
                DROP TRIGGER threshold_level_description_is_immutable ON "ThresholdLevelDescriptions";
                DROP FUNCTION threshold_document_part_is_immutable();
                DROP TRIGGER threshold_document_is_immutable ON "ThresholdDocuments";
                DROP FUNCTION threshold_document_is_immutable();
                """);

            migrationBuilder.DropTable(
                name: "GlossaryTerms");

            migrationBuilder.DropIndex(
                name: "IX_ThresholdDocuments_Key_Draft",
                table: "ThresholdDocuments");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ThresholdDocuments");
        }
    }
}
