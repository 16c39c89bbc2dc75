using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.People;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.BrowserTests;

/// <summary>An NHS number from the referrer's form to the MASH's matching, in Chromium with axe (issue 17).</summary>
public sealed class IdentifierJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_referrer_fixes_a_mistyped_nhs_number_and_the_mash_sees_the_exact_match_first()
    {
        var born = new DateOnly(2017, 5, 3);
        var sameNumber = await KnownChildAsync("Rubie", "Harte", born, "9997654323");
        await KnownChildAsync("Ruby", "Hart", born, null);
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("referrer@example.org");
        await steps.StartAsync();
        await steps.AnswerScreeningAsync();
        await steps.AddChildAsync("Ruby", "Hart",
            "Poor hygiene, not enough food, or a home that is harmful to health, happening again and again.",
            "Attendance between 80% and 90%, or often late.");
        await steps.NoMoreChildrenAsync();
        await steps.SaveAsync();
        await steps.ShouldBeOnTaskListAsync();

        await page.Locator(".govuk-task-list__link", new() { HasTextString = "About Ruby" }).ClickAsync();
        await steps.AnswerChildDetailsAsync("3", "5", "2017");
        await page.GetByLabel("NHS number (optional)").FillAsync("999 765 4328");
        await page.GetByLabel("Ethnicity (optional)").SelectOptionAsync(new SelectOptionValue { Value = "WBRI" });
        await steps.SaveAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain(NhsNumber.NotValid);
        (await page.Locator("#Data_Identity_NhsNumber-error").InnerTextAsync()).ShouldContain(NhsNumber.NotValid);
        await page.ShouldHaveNoAxeViolationsAsync(state: "with the NHS number refused");
        await page.GetByLabel("NHS number (optional)").FillAsync("999 765 4323");
        await steps.SaveAsync();
        await steps.AnswerChildExperienceAsync("Ruby");

        await steps.AddAdultAsync();
        await steps.DescribeConcernsAsync(
            "On Monday 2 March at 8.40am Ruby arrived at school hungry and in the same clothes as all last week. She said there was " +
            "no food at home at the weekend and her mum's partner shouts at her. This is the fourth time this half term.");
        await steps.AnswerConsentAsync("Yes, they agreed", null, "Consent of the parents or carers");
        await steps.AnswerCommunicationAsync();
        await steps.GiveContactDetailsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and send" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("999 765 4323");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        var reference = await page.Locator("[data-reference]").InnerTextAsync();

        var caseId = await App.ExecuteDbContextAsync(db =>
            db.MashCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var mash = await NewPageAsync();
        await mash.SignInAsync("practitioner@example.org");
        await mash.GotoAsync($"/mash/cases/{caseId}");
        await mash.GetByRole(AriaRole.Button, new() { Name = "Claim this case" }).ClickAsync();
        await mash.GetByRole(AriaRole.Link, new() { Name = "Check for matches for Ruby Hart" }).ClickAsync();
        await mash.ShouldHaveNoAxeViolationsAsync();

        var first = await mash.Locator(".govuk-summary-card").First.InnerTextAsync();
        first.ShouldContain("Rubie Harte: score");
        first.ShouldContain("exact identifier");
        first.ShouldContain("NHS number matches exactly");
        (await mash.Locator(".govuk-summary-card").Nth(1).InnerTextAsync()).ShouldContain("Ruby Hart: score 100 out of 100");
        await mash.GetByLabel("Rubie Harte, born 3 May 2017").CheckAsync();
        await mash.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        (await App.ExecuteDbContextAsync(db => db.PersonLinks.SingleAsync(l => l.CaseId == caseId))).PersonId.ShouldBe(sameNumber);
    }

    /// <summary>
    /// A child the council already knows, written straight to the database: such records come from the council's case
    /// system, and no command in the portal creates one.
    /// </summary>
    private Task<Guid> KnownChildAsync(string given, string family, DateOnly born, string? nhsNumber) =>
        App.ExecuteDbContextAsync(async db =>
        {
            var household = new Household { CreatedAt = TestClock.UtcNow };
            var person = new Person
            {
                Role = PersonRole.Child, GivenName = given, FamilyName = family, DateOfBirth = born, NhsNumber = nhsNumber,
                HouseholdId = household.Id, CreatedAt = TestClock.UtcNow,
            };
            db.Households.Add(household);
            db.Persons.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
}
