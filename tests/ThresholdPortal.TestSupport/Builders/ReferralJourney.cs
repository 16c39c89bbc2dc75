using System.Net;
using System.Text.RegularExpressions;

namespace ThresholdPortal.TestSupport.Builders;

/// <summary>
/// Drives a referral through its pages over HTTP, as a browser without JavaScript would: GET each page for
/// its antiforgery token, post the answers, follow the redirect.
/// </summary>
public sealed partial class ReferralJourney(HttpClient client)
{
    public const string GoodConcerns =
        "On Monday 2 March at 8.40am Jayden arrived at school with a bruise on his left cheek. When I asked him about it he said " +
        "his mum's partner pushed him into a door because he spilled his cereal. Maisie, his sister, was with him and was quiet " +
        "and withdrawn all morning, which is unlike her. This is the third mark we have seen on Jayden this term.";

    public HttpClient Client { get; } = client;
    public Guid DraftId { get; private set; }
    public List<Guid> Children { get; } = [];

    public string Url(string step) => $"/referrals/draft/{DraftId}/{step}";

    public async Task<Guid> StartAsync()
    {
        var response = await PostStartAsync(await IdempotencyKeyAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        DraftId = Guid.Parse(DraftInLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value);
        return DraftId;
    }

    /// <summary>The key "Before you start" puts in its form when shown.</summary>
    public async Task<string> IdempotencyKeyAsync()
    {
        var key = IdempotencyKey().Match(await Client.GetStringAsync("/referrals/new"));
        key.Success.ShouldBeTrue("the start page should carry an idempotency key");
        return key.Groups[1].Value;
    }

    public Task<HttpResponseMessage> PostStartAsync(string idempotencyKey) =>
        Forms.PostAsync(Client, "/referrals/new", new() { ["Data.IdempotencyKey"] = idempotencyKey });

    public static Guid DraftIn(HttpResponseMessage response) =>
        Guid.Parse(DraftInLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value);

    /// <summary>Posts a step's answers; the page to take the antiforgery token from defaults to the step itself.</summary>
    public Task<HttpResponseMessage> PostAsync(string step, Dictionary<string, string> fields) =>
        Forms.PostAsync(Client, Url(step), fields);

    public async Task<HttpResponseMessage> ShouldRedirectAsync(string step, Dictionary<string, string> fields)
    {
        var response = await PostAsync(step, fields);
        var body = response.StatusCode == HttpStatusCode.Redirect ? string.Empty : await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect,
            $"posting {step} should save and move on, but the page said: {Forms.ErrorSummary(body)}");
        return response;
    }

    public async Task<Guid> AddChildAsync(string givenName, string familyName, params string[] indicators)
    {
        var response = await ShouldRedirectAsync("children/add",
            new() { ["Data.GivenName"] = givenName, ["Data.FamilyName"] = familyName });
        var childId = Guid.Parse(ChildInLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value);
        Children.Add(childId);
        var fields = new List<KeyValuePair<string,
            string>>(indicators.Select(code => new KeyValuePair<string, string>("Data.IndicatorCodes", code)));
        var token = await TokenAsync($"children/{childId}/indicators");
        fields.Add(new("__RequestVerificationToken", token));
        (await Client.PostAsync(Url($"children/{childId}/indicators"), new FormUrlEncodedContent(fields)))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return childId;
    }

    public Task<string> TokenAsync(string step) => Forms.TokenAsync(Client, Url(step));

    /// <summary>The screening page; <paramref name="fgm"/> answers "FGM has been carried out", with the profession given.</summary>
    public Task ScreenAsync(bool danger = false, bool fgm = false, string profession = "Teacher") => ShouldRedirectAsync("screening", new()
    {
        ["Data.ChildInImmediateDanger"] = danger ? "true" : "false",
        ["Data.Fgm"] = fgm ? "Known" : "None",
        ["Data.Profession"] = profession,
    });

    public Task ChooseLevelAsync(string level) => ShouldRedirectAsync("level", new() { ["Data.ChosenLevel"] = level });

    public Task ChildDetailsAsync(Guid childId, string givenName, string familyName, string born = "3/5/2017") =>
        ShouldRedirectAsync($"children/{childId}/details", new()
    {
        ["Data.GivenName"] = givenName,
        ["Data.FamilyName"] = familyName,
        ["Data.Born"] = "true",
        ["Data.DateOfBirth.Day"] = born.Split('/')[0],
        ["Data.DateOfBirth.Month"] = born.Split('/')[1],
        ["Data.DateOfBirth.Year"] = born.Split('/')[2],
        ["Data.Gender"] = "Male",
        ["Data.AddressLine1"] = "1 Mill Lane",
        ["Data.Town"] = "Northtown",
        ["Data.Postcode"] = "nt11aa",
        ["Data.SchoolOrSetting"] = "Riverside Primary School",
    });

    public Task ChildExperienceAsync(Guid childId, string name) => ShouldRedirectAsync($"children/{childId}/experience", new()
    {
        ["Data.HowConcernsAffectChild"] = $"{name} is frightened at home and finds it hard to settle in class.",
        ["Data.ChildsVoice"] = $"{name} said: I don't like it when he shouts.",
        ["Data.SiblingsExperiences"] = "They look after each other.",
    });

    public Task AdultAsync() => ShouldRedirectAsync("household/adult", new()
    {
        ["Data.GivenName"] = "Kelly",
        ["Data.FamilyName"] = "Clarke",
        ["Data.Relationship"] = "Mother of both children",
        ["Data.LivesWithChildren"] = "true",
        ["Data.KnowsAboutReferral"] = "false",
    });

    public Task ConcernsAsync(string whatHappened = GoodConcerns, string? analysis = null) => ShouldRedirectAsync("concerns", new()
    {
        ["Data.WhatHappened"] = whatHappened,
        ["Data.RiskFactors"] = "Repeated marks; the mother's partner is said to be rough with the children.",
        ["Data.ProtectiveFactors"] = "Their mother brings them to school every day and is warm with them.",
        ["Data.Analysis"] = analysis ?? "Repeated injuries with an account of harm from an adult at home need a social work assessment.",
        ["Data.ExpectedOutcome"] = "A social work assessment.",
    });

    public Task BackgroundAsync() => ShouldRedirectAsync("background", new()
    {
        ["Data.History"] = "Family support in 2024 for routines; it closed when things improved.",
        ["Data.PreviousHelp"] = "The family worked well with the family support worker.",
        ["Data.OtherProfessionals"] = "The school nurse shares our worry.",
    });

    public Task CategoriesAsync(params string[] categories) =>
        PostManyAsync("categories",
            categories.Length == 0 ? [new("Data.Categories", "PhysicalAbuseByAdult")]
            : [.. categories.Select(c => new KeyValuePair<string, string>("Data.Categories", c))]);

    public Task ConsentAsync(string decision = "NotSought", string basis = "SafeguardingWithoutConsent") =>
        ShouldRedirectAsync("consent", new()
    {
        ["Data.Decision"] = decision,
        ["Data.NotSoughtReason"] = "Asking the mother could place the children at risk from her partner.",
        ["Data.RefusedReason"] = "She said the school is interfering.",
        ["Data.SharingBasis"] = basis,
    });

    public Task CommunicationAsync() => ShouldRedirectAsync("communication", new()
    {
        ["Data.InterpreterNeeded"] = "false",
        ["Data.HasCommunicationNeeds"] = "false",
    });

    public Task YourDetailsAsync() => ShouldRedirectAsync("your-details", new() { ["Data.Phone"] = "01632 960 001" });

    /// <summary>Two siblings at level 3, every required section answered: ready to send.</summary>
    public async Task CompleteAsync()
    {
        await StartAsync();
        await ScreenAsync();
        var jayden = await AddChildAsync("Jayden", "Clarke", "basic-care-3a", "education-2a");
        var maisie = await AddChildAsync("Maisie", "Clarke", "emotional-2a");
        await CategoriesAsync();
        await ChooseLevelAsync("Targeted");
        await ChildDetailsAsync(jayden, "Jayden", "Clarke");
        await ChildExperienceAsync(jayden, "Jayden");
        await ChildDetailsAsync(maisie, "Maisie", "Clarke", "14/9/2019");
        await ChildExperienceAsync(maisie, "Maisie");
        await AdultAsync();
        await ConcernsAsync();
        await BackgroundAsync();
        await ConsentAsync();
        await CommunicationAsync();
        await YourDetailsAsync();
    }

    public async Task<HttpResponseMessage> SubmitAsync()
    {
        var token = await TokenAsync("check-answers");
        return await Client.PostAsync(Url("check-answers"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    public async Task<string> SubmitForReferenceAsync()
    {
        var response = await SubmitAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.ErrorSummary(await response.Content.ReadAsStringAsync()));
        return ReferenceInLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value;
    }

    private async Task PostManyAsync(string step, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await TokenAsync(step)));
        var response = await Client.PostAsync(Url(step), new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.ErrorSummary(await response.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("/referrals/draft/([0-9a-f-]{36})")]
    private static partial Regex DraftInLocation();

    [GeneratedRegex("name=\"Data.IdempotencyKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("/children/([0-9a-f-]{36})/")]
    private static partial Regex ChildInLocation();

    [GeneratedRegex("/referrals/([A-Z]{2}-[0-9]{4}-[0-9]{6,})/confirmation")]
    private static partial Regex ReferenceInLocation();
}
