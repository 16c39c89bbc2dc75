using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Issue 18 (docs/decisions/0139): the matching page's nearest-name walk is blocked on a whole word of the name. Two GiST
    /// indexes keyed on the name's first and last word (btree_gist) and then its trigrams replace the one over whole names,
    /// whose walk read nearly every leaf at ten million people because its signatures were saturated.
    /// </summary>
    public partial class WordBlockedNearestNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Persons_SearchName_Nearest",
                table: "Persons");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            // Expressions as PersonCandidates writes them, so the planner matches them; 64-byte signatures suit a block of
            // names that share a word. EF's model holds neither an expression nor a parameterised operator class.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Persons_SearchName_ByFirstWord" ON "Persons"
                    USING gist (split_part("SearchName", ' ', 1), "SearchName" gist_trgm_ops(siglen=64));
                CREATE INDEX "IX_Persons_SearchName_ByLastWord" ON "Persons"
                    USING gist (split_part("SearchName", ' ', -1), "SearchName" gist_trgm_ops(siglen=64));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Persons_SearchName_ByFirstWord";
                DROP INDEX "IX_Persons_SearchName_ByLastWord";
                """);

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:btree_gist", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Persons_SearchName_Nearest" ON "Persons" USING gist ("SearchName" gist_trgm_ops(siglen=256));
                """);
        }
    }
}
