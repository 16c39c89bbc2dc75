using ThresholdPortal.Domain.Matching;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Triage;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

/// <summary>
/// The matching page's candidates found by name alone (no date of birth or identifier to fall back on), through the name
/// blocks of docs/decisions/0139: a person sharing the probe's first or last name word, either way round, nearest first.
/// </summary>
public sealed class PersonCandidatesTests(PortalApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("Jaydn", "Clark", "a slip in the given name")]
    [InlineData("Jaydon", "Clrak", "a slip in the family name")]
    [InlineData("Clark", "Jaydon", "given and family names swapped")]
    [InlineData("Clrak", "Jaydon", "swapped, with a slip in the family name")]
    [InlineData("Jaydon", "Clarke-Ahmed", "a family name that has grown")]
    public async Task A_known_person_is_found_by_name_alone(string given, string family, string because)
    {
        var known = await App.AddKnownPersonAsync(new("Jaydon", "Clark", new DateOnly(2017, 5, 3)));
        var middle = await App.AddKnownPersonAsync(new("Mary Jane", "Okafor", new DateOnly(2012, 1, 9)));
        await App.AddKnownPersonAsync(new("Priya", "Noone", new DateOnly(2017, 5, 3)));

        var found = await FindAsync(given, family);
        var byMiddleName = await FindAsync("Mary", "Okafr");

        found.ShouldContain(known.Id, because);
        found.ShouldNotContain(middle.Id);
        byMiddleName.ShouldContain(middle.Id, "a stored middle name does not hide the first one");
    }

    [Fact]
    public async Task Each_block_walks_its_index_nearest_name_first()
    {
        await App.AddKnownPersonAsync(new("Jaydon", "Clark", new DateOnly(2017, 5, 3)));
        var probe = new PersonCandidates.Probe(PersonName.SearchKey("Jaydn", "Clark"), new DateOnly(2017, 5, 3), null, false, null,
            null);

        var (_, plan) = await App.PlanAsync(db => PersonCandidates.Query(db, probe));

        // Five walks, each ordered by its GiST index itself (never by reading the block and sorting it): two through each word
        // index (the probe's words, and the same words swapped) and one through the date of birth's.
        plan.Split("Order By: ((\"SearchName\")::text <-> ").Length.ShouldBe(6, plan);
        foreach (var index in new[] { "ByFirstWord", "ByLastWord", "ByDateOfBirth" })
        {
            plan.ShouldContain($"Index Scan using \"IX_Persons_SearchName_{index}\"", customMessage: plan);
        }

        // Each word walk runs only once a one-time check has shown its block is not empty.
        plan.Split("One-Time Filter: $").Length.ShouldBe(5, plan);
    }

    private Task<List<Guid>> FindAsync(string given, string family) =>
        App.ExecuteDbContextAsync(async db =>
            (await PersonCandidates.FindAsync(db,
                new PersonCandidates.Probe(PersonName.SearchKey(given, family), null, null, false, null, null), default))
            .Select(p => p.Id).ToList());
}
