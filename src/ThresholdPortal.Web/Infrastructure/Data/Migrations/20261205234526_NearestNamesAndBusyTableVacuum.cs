using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Issue 18 (docs/decisions/0132, 0133): a GiST trigram index on known people's names, which the matching page walks
    /// nearest name first; and MASH cases vacuumed after a hundredth of their rows change rather than a fifth, so the
    /// queue's counts stay index-only scans (the visibility map current) at a million cases and more.
    /// </summary>
    public partial class NearestNamesAndBusyTableVacuum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // As the model's index, with a 256-byte signature rather than the default 12: names are short, and the longer
            // signature lets the nearest-name walk read a third of the pages (docs/decisions/0133). EF would quote an operator
            // class with a parameter, so the index is written here.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Persons_SearchName_Nearest" ON "Persons" USING gist ("SearchName" gist_trgm_ops(siglen=256));
                """);

            migrationBuilder.Sql("""
                ALTER TABLE "MashCases" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
                    autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.01);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "MashCases" RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold,
                    autovacuum_vacuum_insert_scale_factor, autovacuum_analyze_scale_factor);
                """);

            migrationBuilder.DropIndex(
                name: "IX_Persons_SearchName_Nearest",
                table: "Persons");
        }
    }
}
