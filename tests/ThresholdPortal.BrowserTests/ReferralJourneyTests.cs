using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.BrowserTests;

/// <summary>The referrer's journey in Chromium, checked with axe on every page it shows.</summary>
public sealed class ReferralJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Referrer_sends_a_level_3_referral_for_two_siblings_with_a_dash_attachment_after_fixing_a_flagged_acronym()
    {
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("referrer@example.org");

        await steps.StartAsync();
        await steps.AnswerScreeningAsync();
        await steps.AddChildAsync("Jayden", "Clarke",
            () => steps.SearchIndicatorsAsync("attendance", "Attendance between 80% and 90%, or often late.",
                "Goes missing from home now and then, coming back within hours."),
            "Poor hygiene, not enough food, or a home that is harmful to health, happening again and again.",
            "Attendance between 80% and 90%, or often late.");
        await steps.AddAnotherChildAsync(true);
        await steps.AddChildAsync("Maisie", "Clarke",
            "Low mood, anxiety or withdrawal that affects daily life but is not at crisis point.");
        await steps.NoMoreChildrenAsync(domesticAbuse: true);

        (await page.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldBe("Level 3: Targeted: complex needs (child in need)");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Jayden Clarke: the highest indicators selected are at Level 3");
        await steps.SaveAsync();
        await steps.ShouldBeOnTaskListAsync();

        await steps.CompleteChildrenAsync(("Jayden", "3", "5", "2017"), ("Maisie", "14", "9", "2019"));
        await steps.AddAdultAsync();
        await steps.DescribeConcernsAsync(
            "On Monday 2 March at 8.40am Jayden arrived at school with a bruise on his cheek and said his mum's partner pushed him into " +
                "a door. " +
            "Maisie was quiet and withdrawn all morning. Mum told me last month that the family is in PLO. This is the third mark on " +
                "Jayden this term.");
        await steps.AnswerConsentAsync("No, consent was not sought", "Asking his mother could place the children at risk from her partner.",
            "Safeguarding a child without consent (Data Protection Act 2018, Schedule 1, paragraph 18)");
        await steps.AnswerCommunicationAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Attachments" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("DASH risk checklist (domestic abuse, stalking, harassment and honour-based violence)").CheckAsync();
        await page.GetByLabel("Upload a file")
            .SetInputFilesAsync(new FilePayload { Name = "DASH risk checklist.pdf", MimeType = "application/pdf", Buffer = SmallPdf() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "DASH risk checklist.pdf" }).WaitForAsync();
        await page.ShouldHaveNoAxeViolationsAsync(state: "with a file uploaded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await steps.GiveContactDetailsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and send" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        var flags = page.Locator("[data-quality-flags]");
        (await flags.InnerTextAsync()).ShouldContain("“PLO”");

        // Fix the flagged acronym from the check answers page: the link lands on the answer to change.
        await flags.GetByRole(AriaRole.Link, new() { Name = "What happened" }).ClickAsync();
        page.Url.ShouldEndWith("/concerns?from=check#Data_WhatHappened");
        await page.ShouldHaveNoAxeViolationsAsync();
        var whatHappened = page.GetByLabel("What happened, and when?");
        await whatHappened.FillAsync((await whatHappened.InputValueAsync())
            .Replace("the family is in PLO", "the family is in PLO (the stage before care proceedings)", StringComparison.Ordinal));
        await steps.SaveAsync();
        page.Url.ShouldContain("/check-answers");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("“PLO”");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("DASH risk checklist.pdf");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Referral sent");
        var reference = await page.Locator("[data-reference]").InnerTextAsync();
        ReferralReference.IsWellFormed(reference).ShouldBeTrue();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Go to my referrals" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).WaitForAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(reference);
        await page.ShouldHaveNoAxeViolationsAsync();

        var sent = await App.ExecuteDbContextAsync(db =>
            db.Referrals.Include(r => r.Children).Include(r => r.Attachments).AsSplitQuery().SingleAsync(r => r.Reference == reference));
        sent.Children.Select(c => c.GivenName).ShouldBe(["Jayden", "Maisie"], ignoreOrder: true);
        sent.Consent.Decision.ShouldBe(ConsentDecision.NotSought);
        sent.Attachments.ShouldHaveSingleItem().Kind.ShouldBe(AttachmentKind.Dash);
    }

    [Fact]
    public async Task A_level_2_case_is_offered_the_early_help_pathway_and_sent_as_an_early_help_request()
    {
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("referrer@example.org");

        await steps.StartAsync();
        await steps.AnswerScreeningAsync();
        await steps.AddChildAsync("Ollie", "Brennan",
            "Boundaries are inconsistent, and parents or carers ask for help with the child's behaviour.",
            "Conflict between parents, or a separation, is affecting the child.");
        await steps.NoMoreChildrenAsync();
        (await page.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldBe("Level 2: Early help: additional needs");
        await steps.SaveAsync();

        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Early help may be the right support");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Steady Steps parenting programme");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("How to start an Early Help Assessment");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Send an early help request to the Early Help Hub").CheckAsync();
        await steps.SaveAsync();
        await steps.ShouldBeOnTaskListAsync();
        (await page.Locator(".govuk-caption-l").InnerTextAsync()).ShouldStartWith("Early help request");

        await steps.CompleteChildrenAsync(("Ollie", "12", "1", "2018"));
        await steps.AddAdultAsync();
        await steps.DescribeConcernsAsync(
            "Since his parents separated in January Ollie has become anxious and tearful in class and angry at home. His dad asked us " +
                "for help " +
            "with his behaviour at bedtime and in the mornings. He is still learning well and has good friends, but the change is " +
                "affecting the whole family.");
        await steps.AnswerConsentAsync("Yes, they agreed", null, "Consent of the parents or carers");
        await steps.AnswerCommunicationAsync();
        await steps.GiveContactDetailsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and send" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send early help request" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Early help request sent");
        var reference = await page.Locator("[data-reference]").InnerTextAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoAsync("/referrals");
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = reference }) });
        (await row.InnerTextAsync()).ShouldContain("Early Help Hub");
        var sent = await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync(r => r.Reference == reference));
        sent.Kind.ShouldBe(ReferralKind.EarlyHelpRequest);
        sent.EarlyHelpChoice.ShouldBe(EarlyHelpChoice.SendEarlyHelpRequest);
    }

    /// <summary>A minimal valid one-page PDF, made here so the test needs no fixture file.</summary>
    private static byte[] SmallPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:0000000000} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
