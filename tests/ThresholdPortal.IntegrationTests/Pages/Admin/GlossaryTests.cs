using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

public sealed class GlossaryTests(PortalApp app) : IntegrationTest(app)
{
    private const string Base = "/admin/configuration/glossary";

    [Fact]
    public async Task The_glossary_is_seeded_from_the_shipped_terms()
    {
        var stored = await App.ExecuteDbContextAsync(db => db.GlossaryTerms.AsNoTracking().ToListAsync());

        stored.Select(t => t.Term).ShouldBe(Glossary.Default.Terms.Select(t => t.Term), ignoreOrder: true);
        stored.Single(t => t.Term == "CAMHS").Meaning.ShouldBe("Child and Adolescent Mental Health Services");
    }

    [Fact]
    public async Task The_quality_checks_use_the_stored_glossary_as_the_administrator_changes_it()
    {
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        await journey.ConcernsAsync(ReferralJourney.GoodConcerns
            + " Mum says the ZXQ worker stopped visiting, and the family were open to CAMHS.");
        var before = await CheckAnswersAsync(journey);
        before.ShouldContain("Explain this term: “ZXQ”");
        before.ShouldContain("“CAMHS” may not be understood by everyone");

        var added = await Forms.PostAsync(admin, $"{Base}/create", new()
        {
            ["Data.Term"] = " ZXQ ", ["Data.Meaning"] = "Zone extra-familial queue worker", ["Data.WidelyUnderstood"] = "false",
        });
        var camhs = await App.ExecuteDbContextAsync(db => db.GlossaryTerms.AsNoTracking().SingleAsync(t => t.Term == "CAMHS"));
        var changed = await Forms.PostAsync(admin, $"{Base}/edit/{camhs.Id}", new()
        {
            ["Data.Term"] = "CAMHS", ["Data.Meaning"] = camhs.Meaning, ["Data.WidelyUnderstood"] = "true",
        });

        (added.Headers.Location!.ToString(), changed.Headers.Location!.ToString()).ShouldBe((Base, Base));
        var after = await CheckAnswersAsync(journey);
        after.ShouldContain("“ZXQ” may not be understood by everyone who reads this referral. It usually means Zone extra-familial queue " +
            "worker");
        after.ShouldNotContain("“CAMHS” may not be understood");
        var audit = (await App.AuditAsync()).Where(e => e.Action.StartsWith("glossary.", StringComparison.Ordinal)).ToList();
        audit.Select(e => (e.Action, e.Detail)).ShouldBe(
        [
            (ConfigurationEvents.GlossaryTermAdded, "ZXQ: Zone extra-familial queue worker"),
            (ConfigurationEvents.GlossaryTermChanged, "Changed now widely understood"),
        ]);
        audit.ShouldAllBe(e => e.UserId == administrator.Id);
    }

    [Fact]
    public async Task A_removed_term_is_flagged_as_unknown_and_the_removal_is_audited()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var plo = await App.ExecuteDbContextAsync(db => db.GlossaryTerms.AsNoTracking().SingleAsync(t => t.Term == "PLO"));

        var response = await Forms.PostAsync(admin, $"{Base}/edit/{plo.Id}?handler=Remove", [], tokenFrom: $"{Base}/edit/{plo.Id}");

        response.Headers.Location!.ToString().ShouldBe(Base);
        (await App.ExecuteDbContextAsync(db => db.GlossaryTerms.AnyAsync(t => t.Term == "PLO"))).ShouldBeFalse();
        (await App.AuditAsync()).Single(e => e.Action == ConfigurationEvents.GlossaryTermRemoved).Detail.ShouldBe($"PLO: {plo.Meaning}");
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        await journey.ConcernsAsync(ReferralJourney.GoodConcerns + " The family is in PLO.");
        (await CheckAnswersAsync(journey)).ShouldContain("Explain this term: “PLO”");
    }

    [Theory]
    [InlineData("camhs", "Something", "camhs is already in the glossary")]
    [InlineData("CP plan", "Child protection plan", "The term must be one word of letters and digits")]
    [InlineData("", "Something", "Enter the term, for example CAMHS")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "Something", "The term must be 20 characters or fewer")]
    [InlineData("NEWTERM", "", "Enter what the term means")]
    public async Task Invalid_terms_are_refused_with_a_clear_error(string term, string meaning, string error)
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var before = await App.ExecuteDbContextAsync(db => db.GlossaryTerms.CountAsync());

        var response = await Forms.PostAsync(admin, $"{Base}/create", new()
        {
            ["Data.Term"] = term, ["Data.Meaning"] = meaning, ["Data.WidelyUnderstood"] = "false",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldContain(error);
        (await App.ExecuteDbContextAsync(db => db.GlossaryTerms.CountAsync())).ShouldBe(before);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action.StartsWith("glossary.", StringComparison.Ordinal));
    }

    private static async Task<string> CheckAnswersAsync(ReferralJourney journey) =>
        WebUtility.HtmlDecode(await journey.Client.GetStringAsync(journey.Url("check-answers")));

    [Fact]
    public async Task A_referrer_cannot_change_the_glossary()
    {
        var referrer = await App.SignedInReferrerAsync();
        var token = await Forms.TokenAsync(referrer.Client, "/referrals/new");

        var response = await referrer.Client.PostAsync($"{Base}/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Data.Term"] = "ZXQ", ["Data.Meaning"] = "Sneaky", ["Data.WidelyUnderstood"] = "true", ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.ExecuteDbContextAsync(db => db.GlossaryTerms.AnyAsync(t => t.Term == "ZXQ"))).ShouldBeFalse();
    }
}
