using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>The child's identifiers and characteristics on the referral's child page and the MASH contact form (issue 17).</summary>
public sealed class ChildIdentityTests(PortalApp app) : IntegrationTest(app)
{
    private static Dictionary<string, string> Details(params (string Field, string Value)[] identity)
    {
        var fields = new Dictionary<string, string>
        {
            ["Data.GivenName"] = "Jayden",
            ["Data.FamilyName"] = "Clarke",
            ["Data.Born"] = "true",
            ["Data.DateOfBirth.Day"] = "3",
            ["Data.DateOfBirth.Month"] = "5",
            ["Data.DateOfBirth.Year"] = "2017",
            ["Data.Gender"] = "Male",
            ["Data.AddressLine1"] = "1 Mill Lane",
            ["Data.Postcode"] = "nt11aa",
        };
        foreach (var (field, value) in identity)
        {
            fields[$"Data.Identity.{field}"] = value;
        }

        return fields;
    }

    [Theory]
    [InlineData("NhsNumber", "943 476 5918", NhsNumber.NotValid)]
    [InlineData("NhsNumber", "943 476 591", NhsNumber.NotTenDigits)]
    [InlineData("NhsNumber", "0000000000", NhsNumber.NotValid)]
    [InlineData("NhsNumber", "943 476 5919 943 476 5919", NhsNumber.NotTenDigits)]
    [InlineData("Upn", "Q207000016049", Upn.NotValid)]
    [InlineData("Upn", "B80120000500", Upn.NotThirteenCharacters)]
    [InlineData("Sex", "X", "Select the child's sex from the list")]
    [InlineData("Ethnicity", "WHITE", "Select the child's ethnicity from the list")]
    [InlineData("Disabilities", "BLIND", "Select the child's disabilities from the list")]
    public async Task Each_wrong_answer_gets_its_own_message_and_nothing_is_half_stored(string field, string value, string message)
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        var childId = await journey.AddChildAsync("Jay", "Clark");

        var fields = Details((field, value));
        var response = await journey.PostAsync($"children/{childId}/details", fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldBe(message);
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync(c => c.Id == childId));
        (child.GivenName, child.NhsNumber, child.Upn, child.Ethnicity).ShouldBe(("Jay", null, null, null));
    }

    [Fact]
    public async Task No_disability_cannot_be_picked_with_a_disability_and_a_long_first_language_is_refused()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        var childId = await journey.AddChildAsync("Jay", "Clark");
        var fields = Details(("FirstLanguage", new string('a', 101))).Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList();
        fields.Add(KeyValuePair.Create("Data.Identity.Disabilities", "NONE"));
        fields.Add(KeyValuePair.Create("Data.Identity.Disabilities", "AUT"));

        var response = await Forms.PostAsync(journey.Client, journey.Url($"children/{childId}/details"), fields);

        Forms.ErrorSummary(await response.Content.ReadAsStringAsync()).ShouldBe(
            "Select \"No disability\" on its own, or the disabilities that apply; First language must be 100 characters or fewer");
    }

    [Fact]
    public async Task Identifiers_are_stored_in_normal_form_and_read_back_in_check_your_answers()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        var childId = await journey.AddChildAsync("Jay", "Clark");
        var fields = Details(("NhsNumber", "943-476-5919"), ("Upn", "n801 2000 0500 t"), ("Sex", "M"), ("Ethnicity", "WIRT"),
            ("FirstLanguage", "  Romani "), ("InterpreterNeeded", "true")).Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList();
        fields.Add(KeyValuePair.Create("Data.Identity.Disabilities", "COMM"));
        fields.Add(KeyValuePair.Create("Data.Identity.Disabilities", "LD"));

        var response = await Forms.PostAsync(journey.Client, journey.Url($"children/{childId}/details"), fields);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.ErrorSummary(await response.Content.ReadAsStringAsync()));
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync(c => c.Id == childId));
        (child.NhsNumber, child.Upn, child.Sex, child.Ethnicity, child.FirstLanguage, child.InterpreterNeeded)
            .ShouldBe(("9434765919", "N80120000500T", "M", "WIRT", "Romani", (bool?)true));
        child.Disabilities.ShouldBe(["COMM", "LD"]);
        var answers = MashTestData.Text(await journey.Client.GetStringAsync(journey.Url("check-answers")));
        answers.ShouldContain("NHS number 943 476 5919");
        answers.ShouldContain("UPN N80120000500T (temporary)");
        answers.ShouldContain("Ethnicity White: Traveller of Irish heritage");
        answers.ShouldContain("Interpreter needed Yes");
        var again = await journey.Client.GetStringAsync(journey.Url($"children/{childId}/details"));
        again.ShouldContain("value=\"943 476 5919\"");
    }

    [Fact]
    public async Task A_phone_contact_takes_each_childs_identifiers_and_names_the_child_in_its_errors()
    {
        var team = await App.MashTeamAsync();
        var client = await App.SignInAsync(team.Practitioner.Email!);
        var form = ContactForms.PhoneCall("Tyler", "Tyler's grandmother found him alone at home at 10pm.", "Neglect");
        form["Data.Children[0].Identity.NhsNumber"] = "401 023 2138";

        var refused = await Forms.PostAsync(client, ContactForms.Url, form);

        Forms.ErrorSummary(await refused.Content.ReadAsStringAsync()).ShouldBe(NhsNumber.NotValid);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(0);

        form["Data.Children[0].Identity.NhsNumber"] = "401 023 2137";
        form["Data.Children[0].Identity.Ethnicity"] = "NOBT";
        form["Data.IdempotencyKey"] = Guid.NewGuid().ToString();
        var recorded = await Forms.PostAsync(client, ContactForms.Url, form);

        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.ErrorSummary(await recorded.Content.ReadAsStringAsync()));
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        (child.NhsNumber, child.Ethnicity).ShouldBe(("4010232137", "NOBT"));
        var mashCase = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync());
        var page = MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}"));
        page.ShouldContain("NHS number 401 023 2137");
        page.ShouldContain("Ethnicity Information not yet obtained");
    }
}
