using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.InformationRequests;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// Multi-agency checks in Chromium, across three people: the MASH practitioner asks the police and the
/// school and records why probation is not needed; the police responder answers with a document; the
/// school's responder declines; the practitioner reads both and the case goes to its decision. axe checks
/// every page on the way.
/// </summary>
public sealed class InformationRequestJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string ProbationReason =
        "No adult in the household is known to probation, and nothing in the referral suggests offending.";
    private const string PoliceAnswer = "Two domestic incidents at the address in 2025; the mother's partner was arrested in September.";
    private const string SchoolDecline = "We hold nothing on Maisie: she has not started with us yet. Please ask her nursery.";

    [Fact]
    public async Task Police_and_school_are_asked_probation_not_needed_the_police_answer_the_school_declines_and_the_case_goes_to_decision()
    {
        var (caseId, reference) = await CaseAtChecksAsync();
        var checklist = InformationRequestRoutes.Checklist(caseId);

        // The practitioner asks the police and the school, and records why probation need not be asked.
        var practitioner = await NewPageAsync();
        await practitioner.SignInAsync("practitioner@example.org");
        await practitioner.GotoAsync(checklist);
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        (await practitioner.Locator("main").InnerTextAsync()).ShouldContain("Not ready for decision");
        await SendRequestAsync(practitioner, "Police", "Northshire Police");
        await SendRequestAsync(practitioner, "The child's school or setting", CasesAtChecks.School);
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Not needed for Probation" }).ClickAsync();
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        (await practitioner.GetByLabel("Probation", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();
        await practitioner.GetByLabel("Why are they not needed?").FillAsync(ProbationReason);
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();
        (await practitioner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Recorded as not needed: Probation");
        (await RowAsync(practitioner, "probation")).ShouldContain(ProbationReason);
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        var requests = await App.ExecuteDbContextAsync(db =>
            db.InformationRequests.Where(r => r.CaseId == caseId).ToDictionaryAsync(r => r.AgencyKey, r => r.Id));

        // The police responder sees only the police's request for this case, never the school's.
        var police = await NewPageAsync();
        await police.SignInAsync("police@example.org");
        await police.GotoAsync("/agency");
        police.Url.ShouldEndWith("/agency/requests");
        (await police.Locator("h1").InnerTextAsync()).ShouldBe("Information requests");
        await police.ShouldHaveNoAxeViolationsAsync();
        (await police.Locator("#requests tbody tr", new() { HasTextString = reference }).CountAsync()).ShouldBe(1);
        var schoolsRequest = await police.GotoAsync(InformationRequestRoutes.AgencyRequest(requests["school"]));
        schoolsRequest!.Status.ShouldBe(404);
        await police.GotoAsync("/agency/requests");
        await police.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        (await police.Locator(".govuk-caption-l").InnerTextAsync()).ShouldBe("Information request for Northshire Police");
        var asked = await police.Locator("main").InnerTextAsync();
        asked.ShouldContain("Jayden Clarke");
        asked.ShouldContain("3 May 2017");
        asked.ShouldNotContain("pushed him into a door");
        await police.ShouldHaveNoAxeViolationsAsync();

        // ... and answers, with a chronology attached.
        await police.GetByRole(AriaRole.Button, new() { Name = "Answer this request" }).ClickAsync();
        await police.ShouldHaveNoAxeViolationsAsync();
        await police.GetByRole(AriaRole.Group, new() { Name = "Are any of the people named known to your agency?" }).GetByLabel("Yes")
            .CheckAsync();
        await police.GetByLabel("Summary of your involvement").FillAsync(PoliceAnswer);
        await police.GetByLabel("Current risks (optional)").FillAsync("The partner's whereabouts are not known.");
        await police.GetByLabel("High concern").CheckAsync();
        await police.GetByLabel("Attach documents (optional)").SetInputFilesAsync(new FilePayload
        {
            Name = "chronology.pdf", MimeType = "application/pdf", Buffer = InformationRequestDemoData.Pdf("Police chronology"),
        });
        await police.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        (await police.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Your answer has been sent to the MASH");
        (await police.Locator("main").InnerTextAsync()).ShouldContain(PoliceAnswer);
        (await police.GetByRole(AriaRole.Button, new() { Name = "Send a correction" }).CountAsync())
            .ShouldBe(1, "a sent answer is never edited, only corrected");
        (await police.GetByRole(AriaRole.Button, new() { Name = "Answer this request" }).CountAsync()).ShouldBe(0);
        await police.ShouldHaveNoAxeViolationsAsync();

        // The school's responder declines with a reason.
        var school = await NewPageAsync();
        await school.SignInAsync(InformationRequestDemoData.SchoolResponderEmail);
        await school.GotoAsync("/agency/requests");
        await school.ShouldHaveNoAxeViolationsAsync();
        await school.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await school.ShouldHaveNoAxeViolationsAsync();
        await school.GetByRole(AriaRole.Button, new() { Name = "Decline this request" }).ClickAsync();
        await school.ShouldHaveNoAxeViolationsAsync();
        await school.GetByLabel("Why can your agency not answer this request?").FillAsync(SchoolDecline);
        await school.GetByRole(AriaRole.Button, new() { Name = "Decline request" }).ClickAsync();
        (await school.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("You have declined the request");
        await school.ShouldHaveNoAxeViolationsAsync();

        // The practitioner reads both on the case, with the police's document.
        await practitioner.GotoAsync(checklist);
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        var policeCard = practitioner.Locator($"#{InformationRequestRoutes.ResponseAnchor(requests["police"])}");
        (await policeCard.InnerTextAsync()).ShouldContain(PoliceAnswer);
        (await policeCard.Locator(".govuk-tag").First.InnerTextAsync()).ShouldBe("Answered");
        var download = await practitioner.RunAndWaitForDownloadAsync(() =>
            policeCard.GetByRole(AriaRole.Link, new() { Name = "chronology.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("chronology.pdf");
        var schoolCard = practitioner.Locator($"#{InformationRequestRoutes.ResponseAnchor(requests["school"])}");
        (await schoolCard.InnerTextAsync()).ShouldContain(SchoolDecline);
        (await schoolCard.Locator(".govuk-tag").First.InnerTextAsync()).ShouldBe("Declined");
        (await practitioner.Locator("main").InnerTextAsync()).ShouldContain("Not ready for decision");

        // Every other agency on the checklist gets a reason, in one go: the case becomes ready for decision.
        await practitioner.GetByRole(AriaRole.Link, new() { Name = "Not needed for GP or primary health" }).ClickAsync();
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        var others = practitioner.GetByRole(AriaRole.Group, new() { Name = "Which agencies does this reason cover?" })
            .GetByRole(AriaRole.Checkbox);
        for (var i = 0; i < await others.CountAsync(); i++)
        {
            await others.Nth(i).CheckAsync();
        }

        await practitioner.GetByLabel("Why are they not needed?")
            .FillAsync("Nothing in the referral or our records suggests the family is known to them.");
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();
        (await practitioner.Locator("main").InnerTextAsync()).ShouldContain("Ready for decision");
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        await practitioner.GetByRole(AriaRole.Button, new() { Name = "Move the case to decision" }).ClickAsync();

        practitioner.Url.ShouldEndWith($"/mash/cases/{caseId}");
        (await practitioner.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("ready for its decision");
        (await practitioner.Locator("main").InnerTextAsync()).ShouldContain("Awaiting decision");
        await practitioner.ShouldHaveNoAxeViolationsAsync();
        (await App.ExecuteDbContextAsync(db => db.MashCases.Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()))
            .ShouldBe(MashCaseStatus.AwaitingDecision);
        var stored = await App.ExecuteDbContextAsync(db =>
            db.InformationRequests.Where(r => r.CaseId == caseId).ToDictionaryAsync(r => r.AgencyKey, r => r.State));
        stored["police"].ShouldBe(RequestState.Answered);
        stored["school"].ShouldBe(RequestState.Declined);

        // Each organisation's responders were told by e-mail, through the outbox and the loopback SMTP server.
        // Waited for by content: the demo data's overdue chases to the same responders may arrive meanwhile.
        (await App.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, "police@example.org")
            && m.Subject == "A new information request for your organisation"
                && m.TextBody!.Contains(InformationRequestRoutes.AgencyRequest(requests["police"]))))
            .ShouldHaveSingleItem();
        (await App.Mail.WaitForMessagesAsync(m => LoopbackSmtpServer.IsTo(m, InformationRequestDemoData.SchoolResponderEmail)
            && m.TextBody!.Contains(InformationRequestRoutes.AgencyRequest(requests["school"])))).ShouldHaveSingleItem();
    }

    /// <summary>A new referral from the demo school, claimed by the demo practitioner, rated Amber and progressed to MASH checks.</summary>
    private async Task<(Guid CaseId, string Reference)> CaseAtChecksAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Data.PortalDbContext>();
        var referrer = await db.Users.SingleAsync(u => u.Email == "referrer@example.org");
        var practitioner = await db.Users.SingleAsync(u => u.Email == "practitioner@example.org");
        return await CasesAtChecks.CreateAsync(App.Services, referrer, practitioner);
    }

    private static async Task SendRequestAsync(IPage page, string agency, string organisation)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = $"Send request to {agency}" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"Ask {agency} for information");
        await page.ShouldHaveNoAxeViolationsAsync();
        (await page.GetByLabel(organisation, new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue($"{organisation} is suggested");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        (await page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain($"Request sent to {organisation}");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Information requests");
    }

    private static Task<string> RowAsync(IPage page, string agencyKey) =>
        page.Locator($"#checklist tr[data-agency='{agencyKey}']").InnerTextAsync();
}
