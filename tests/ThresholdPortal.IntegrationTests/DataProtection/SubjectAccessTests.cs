using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ThresholdPortal.IntegrationTests.Pages.InformationRequests;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.SubjectAccess;

namespace ThresholdPortal.IntegrationTests.DataProtection;

/// <summary>
/// Subject access (issue 19, item 3; docs/decisions/0123): a child named in two referrals (one spelled differently) and
/// asked about in one agency answer is found by a misspelled name, and the bundle holds both referrals, the answer and its
/// attachment, with everyone else marked for redaction review; the search and export are audited by counts only.
/// </summary>
public sealed partial class SubjectAccessTests(PortalApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Born = new(2017, 5, 3);

    [Fact]
    public async Task A_child_in_two_referrals_and_one_agency_answer_is_found_and_exported_with_third_parties_marked()
    {
        var world = await InformationRequestWorld.CreateAsync(App);
        var practitioner = await App.SignInAsync(InformationRequestWorld.PractitionerEmail);
        var requestId = await world.SendAsync(practitioner, "police", world.Police.Id);
        var police = await App.SignInAsync(InformationRequestWorld.PoliceEmail);
        var answered = await AgencyForms.AnswerAsync(police, requestId, files: ("chronology.pdf", AgencyForms.Pdf));
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Forms.ErrorsAsync(answered));
        var team = new MashTeam(world.Mash, world.School, world.Practitioner, world.Practitioner, world.Practitioner);
        var second = await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddDays(-3))
        {
            Children = [new("Jaiden", "Clark", Born, "4857773456"), new("Ruby", "Stone", new DateOnly(2015, 2, 1))],
        });
        var unrelated = await App.AddCaseAsync(team, new CaseSeed(TestClock.UtcNow.AddDays(-2))
        {
            Children = [new("Oliver", "Brown", new DateOnly(2012, 8, 9))],
        });

        var found = await App.SendAsync(new SubjectSearch.Query("Jaden Clark", null, null));

        found.ShouldNotContain(c => c.Name.Contains("Oliver", StringComparison.Ordinal));
        var chosen = found.Where(c => c.Kind == SubjectRecordKind.ReferralChild && c.DateOfBirth == Born).ToList();
        chosen.Select(c => c.Name).Order(StringComparer.Ordinal).ShouldBe(["Jaiden Clark", "Jayden Clarke"]);
        (await App.SendAsync(new SubjectSearch.Query(null, null, "485 777 3456"))).ShouldHaveSingleItem().Name.ShouldBe("Jaiden Clark");

        var exported = await App.SendAsync(new SubjectBundle.Command([.. chosen.Select(c => new SubjectChoice(c.Kind, c.Id))]));
        var bundle = exported.Value.ShouldNotBeNull();

        using var zip = new ZipArchive(new MemoryStream(bundle.Content), ZipArchiveMode.Read);
        var index = await ReadAsync(zip.GetEntry("index.html").ShouldNotBeNull());
        index.ShouldContain(world.Reference);
        index.ShouldContain(second.Reference);
        index.ShouldNotContain(unrelated.Reference);
        index.ShouldContain("Two domestic incidents at the address in 2025.");
        index.ShouldContain("Received by the MASH", customMessage: "the access log of the cases");
        var marked = Marked().Matches(index).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        marked.ShouldContain("Maisie Clarke");
        marked.ShouldContain("Ruby Stone");
        marked.ShouldContain("Kelly Clarke");
        marked.ShouldContain("Test dan", "the agency's responder");
        marked.ShouldNotContain("Jayden Clarke");
        marked.ShouldNotContain("Jaiden Clark");
        index.ShouldContain("For redaction review (");
        bundle.ThirdPartiesMarked.ShouldBeGreaterThanOrEqualTo(4);
        var attachment = zip.Entries.Where(e => e.FullName.StartsWith("attachments/", StringComparison.Ordinal)).ShouldHaveSingleItem();
        attachment.Name.ShouldBe("chronology.pdf");
        await using (var content = await attachment.OpenAsync())
        {
            using var bytes = new MemoryStream();
            await content.CopyToAsync(bytes);
            bytes.ToArray().ShouldBe(AgencyForms.Pdf);
        }

        index.ShouldContain($"href=\"{attachment.FullName}\"");
        var audit = (await App.AuditAsync()).Where(e => e.SubjectType == SubjectAccessEvents.SubjectType).ToList();
        audit.Count(e => e.Action == SubjectAccessEvents.Searched).ShouldBe(2);
        var export = audit.Where(e => e.Action == SubjectAccessEvents.Exported).ShouldHaveSingleItem();
        export.Detail.ShouldNotBeNull().ShouldContain("2 referrals");
        foreach (var entry in audit)
        {
            foreach (var personal in new[] { "Jaden", "Clark", "2017", "485", "Ruby" })
            {
                (entry.Detail + entry.SubjectId).ShouldNotContain(personal, Case.Insensitive);
            }
        }
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        await using var stream = await entry.OpenAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [GeneratedRegex("<span class=\"redaction-review\"[^>]*>([^<]*)</span>")]
    private static partial Regex Marked();
}
