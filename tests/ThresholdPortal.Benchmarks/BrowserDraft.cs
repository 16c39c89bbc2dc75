using System.Net;
using System.Text.RegularExpressions;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// A referral completed through the pages as a browser without JavaScript would post them, ready for its final send, and
/// the same referral as the API's JSON: the two paths of <see cref="ReferralSendTiming"/> send the same answers.
/// </summary>
public static partial class BrowserDraft
{
    private const string WhatHappened =
        "On Monday 2 March at 8.40am Jayden arrived at school with a bruise on his left cheek. He said his mum's partner pushed him.";

    public static readonly string ApiBody = $$"""
        {
          "screening": { "childInImmediateDanger": false, "fgm": "none" },
          "referrer": { "name": "PC Sam Patel", "email": "sam.patel@police.example.org", "phone": "01632 960 001" },
          "children": [
            { "givenName": "Jayden", "familyName": "Clarke", "dateOfBirth": "2017-05-03", "gender": "male",
              "address": { "line1": "1 Mill Lane", "town": "Northtown", "postcode": "NT1 1AA" },
              "howConcernsAffectChild": "Jayden is frightened at home.", "childsVoice": "I don't like it when he shouts.",
              "indicators": ["basic-care-3a", "education-2a"] }
          ],
          "categories": { "codes": ["PhysicalAbuseByAdult"] },
          "chosenLevel": 3,
          "adults": [ { "givenName": "Kelly", "familyName": "Clarke", "relationship": "Mother", "livesWithChildren": true,
            "knowsAboutReferral": false } ],
          "concerns": { "whatHappened": "{{WhatHappened}}", "riskFactors": "Repeated marks.", "protectiveFactors": "A warm mother.",
            "analysis": "Injuries with an account of harm need an assessment.", "expectedOutcome": "An assessment.",
            "history": "Family support in 2024.", "previousHelp": "Worked well with it.", "otherProfessionals": "The school nurse." },
          "consent": { "decision": "notSought", "reason": "Asking could place the child at risk.",
            "sharingBasis": "safeguardingWithoutConsent" },
          "communication": { "interpreterNeeded": false, "hasCommunicationNeeds": false }
        }
        """;

    /// <summary>Starts a draft and answers every section through the pages; returns the draft's address.</summary>
    public static async Task<string> CompleteAsync(HttpClient referrer, CancellationToken cancellationToken)
    {
        var start = await referrer.GetStringAsync("/referrals/new", cancellationToken);
        using var started = await ReferralSendTiming.PostFormAsync(referrer, "/referrals/new", start,
            [new("Data.IdempotencyKey", IdempotencyKey().Match(start).Groups[1].Value)], cancellationToken);
        var draft = DraftIn().Match(started.Headers.Location!.OriginalString).Value;
        await StepAsync(referrer, $"{draft}/screening", cancellationToken,
            ("Data.ChildInImmediateDanger", "false"), ("Data.Fgm", "None"));
        var added = await StepAsync(referrer, $"{draft}/children/add", cancellationToken, ("Data.GivenName", "Jayden"),
            ("Data.FamilyName", "Clarke"));
        var child = $"{draft}/children/{ChildIn().Match(added).Groups[1].Value}";
        await StepAsync(referrer, $"{child}/indicators", cancellationToken, ("Data.IndicatorCodes", "basic-care-3a"),
            ("Data.IndicatorCodes", "education-2a"));
        await StepAsync(referrer, $"{draft}/categories", cancellationToken, ("Data.Categories", "PhysicalAbuseByAdult"));
        await StepAsync(referrer, $"{draft}/level", cancellationToken, ("Data.ChosenLevel", "Targeted"));
        await StepAsync(referrer, $"{child}/details", cancellationToken, ("Data.GivenName", "Jayden"), ("Data.FamilyName", "Clarke"),
            ("Data.Born", "true"), ("Data.DateOfBirth.Day", "3"), ("Data.DateOfBirth.Month", "5"), ("Data.DateOfBirth.Year", "2017"),
            ("Data.Gender", "Male"), ("Data.AddressLine1", "1 Mill Lane"), ("Data.Town", "Northtown"), ("Data.Postcode", "NT1 1AA"));
        await StepAsync(referrer, $"{child}/experience", cancellationToken,
            ("Data.HowConcernsAffectChild", "Jayden is frightened at home."), ("Data.ChildsVoice", "I don't like it when he shouts."));
        await StepAsync(referrer, $"{draft}/household/adult", cancellationToken, ("Data.GivenName", "Kelly"), ("Data.FamilyName", "Clarke"),
            ("Data.Relationship", "Mother"), ("Data.LivesWithChildren", "true"), ("Data.KnowsAboutReferral", "false"));
        await StepAsync(referrer, $"{draft}/concerns", cancellationToken, ("Data.WhatHappened", WhatHappened),
            ("Data.RiskFactors", "Repeated marks."), ("Data.ProtectiveFactors", "A warm mother."),
            ("Data.Analysis", "Injuries with an account of harm need an assessment."), ("Data.ExpectedOutcome", "An assessment."));
        await StepAsync(referrer, $"{draft}/background", cancellationToken, ("Data.History", "Family support in 2024."),
            ("Data.PreviousHelp", "Worked well with it."), ("Data.OtherProfessionals", "The school nurse."));
        await StepAsync(referrer, $"{draft}/consent", cancellationToken, ("Data.Decision", "NotSought"),
            ("Data.NotSoughtReason", "Asking could place the child at risk."), ("Data.SharingBasis", "SafeguardingWithoutConsent"));
        await StepAsync(referrer, $"{draft}/communication", cancellationToken, ("Data.InterpreterNeeded", "false"),
            ("Data.HasCommunicationNeeds", "false"));
        await StepAsync(referrer, $"{draft}/your-details", cancellationToken, ("Data.Phone", "01632 960 001"));
        return draft;
    }

    /// <summary>The timed part of the browser's path: check answers' send button. True when it redirected to the confirmation.</summary>
    public static async Task<bool> SendAsync(HttpClient referrer, string draft, CancellationToken cancellationToken) =>
        await PostSendAsync(referrer, draft, await CheckAnswersAsync(referrer, draft, cancellationToken), cancellationToken);

    /// <summary>The check answers page, whose form the send posts back (the baseline comparison reads it untimed).</summary>
    public static Task<string> CheckAnswersAsync(HttpClient referrer, string draft, CancellationToken cancellationToken) =>
        referrer.GetStringAsync($"{draft}/check-answers", cancellationToken);

    /// <summary>The send button alone, posting the form of a check answers page already read.</summary>
    public static async Task<bool> PostSendAsync(HttpClient referrer, string draft, string page, CancellationToken cancellationToken)
    {
        using var sent = await ReferralSendTiming.PostFormAsync(referrer, $"{draft}/check-answers", page, [], cancellationToken);
        return sent.StatusCode == HttpStatusCode.Redirect
            && sent.Headers.Location!.OriginalString.EndsWith("/confirmation", StringComparison.Ordinal);
    }

    private static async Task<string> StepAsync(HttpClient referrer, string url, CancellationToken cancellationToken,
        params (string Name, string Value)[] fields)
    {
        var page = await referrer.GetStringAsync(url, cancellationToken);
        using var response = await ReferralSendTiming.PostFormAsync(referrer, url, page,
            [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))], cancellationToken);
        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"{url} did not save: {(int)response.StatusCode}.");
    }

    [GeneratedRegex("name=\"Data.IdempotencyKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex IdempotencyKey();

    [GeneratedRegex("/referrals/draft/[0-9a-f-]{36}")]
    private static partial Regex DraftIn();

    [GeneratedRegex("/children/([0-9a-f-]{36})/")]
    private static partial Regex ChildIn();
}
