using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThresholdPortal.Web.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Issue 18 (docs/decisions/0139): the matching page's nearest-name walks are blocked. Three GiST indexes keyed on a block
    /// (the hash of the name's first word, of its last word, and the date of birth; btree_gist) and then the name's trigrams
    /// replace the one over whole names, whose walk read nearly every leaf at ten million people because the signatures over
    /// thousands of names were saturated. Two B-trees on the same word hashes tell a walk, before it starts, whether its block
    /// has anyone in it.
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
            // names. hashtext is the hash that hash indexes store, which pg_upgrade carries across major versions. EF's model
            // holds neither an expression nor a parameterised operator class. IF NOT EXISTS lets an operator with millions of
            // people build them CONCURRENTLY beforehand, so writes to Persons need not wait for the build inside this migration.
            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS "IX_Persons_SearchName_ByFirstWord" ON "Persons"
                    USING gist (hashtext(split_part("SearchName", ' ', 1)), "SearchName" gist_trgm_ops(siglen=64));
                CREATE INDEX IF NOT EXISTS "IX_Persons_SearchName_ByLastWord" ON "Persons"
                    USING gist (hashtext(split_part("SearchName", ' ', -1)), "SearchName" gist_trgm_ops(siglen=64));
                CREATE INDEX IF NOT EXISTS "IX_Persons_SearchName_ByDateOfBirth" ON "Persons"
                    USING gist ("DateOfBirth", "SearchName" gist_trgm_ops(siglen=64));
                CREATE INDEX IF NOT EXISTS "IX_Persons_FirstWord" ON "Persons" (hashtext(split_part("SearchName", ' ', 1)));
                CREATE INDEX IF NOT EXISTS "IX_Persons_LastWord" ON "Persons" (hashtext(split_part("SearchName", ' ', -1)));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Persons_SearchName_ByFirstWord";
                DROP INDEX "IX_Persons_SearchName_ByLastWord";
                DROP INDEX "IX_Persons_SearchName_ByDateOfBirth";
                DROP INDEX "IX_Persons_FirstWord";
                DROP INDEX "IX_Persons_LastWord";
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
