using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;

namespace ThresholdPortal.BrowserTests;

/// <summary>
/// The early help coordinator takes a family the MASH stepped down (from the demo data: a decision whose feedback told the
/// demo referrer of the step-down): allocates it, records the family's consent, which the referrer then reads with who is
/// helping, then the family's refusal, steps it up, and the MASH practitioner finds the contact with its history in the
/// queue. Axe checks every page on the way.
/// </summary>
public sealed partial class EarlyHelpJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string Referrer = "referrer@example.org";

    [Fact]
    public async Task A_stepped_down_family_is_allocated_agrees_later_declines_and_is_stepped_up_to_the_MASH_queue()
    {
        var page = await NewPageAsync();
        await page.SignInAsync("coordinator@example.org");
        await page.GotoAsync("/early-help?status=New&kind=step-downs");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Early help hub");
        await page.ShouldHaveNoAxeViolationsAsync();

        var reference = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases
            .Where(c => c.Status == EarlyHelpCaseStatus.New && c.StepDownId != null
                && db.ReferrerFeedback.Any(f => f.ReferralId == c.ReferralId && f.State != FeedbackState.Draft)
                && db.Referrals.Any(r => r.Id == c.ReferralId && db.Users.Any(u => u.Id == r.ReferrerUserId && u.Email == Referrer)))
            .OrderBy(c => c.FirstContactDueAt).Select(c => c.Reference).FirstAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.WaitForAddressAsync(CaseAddress());
        (await page.Locator("h1").InnerTextAsync()).ShouldBe(reference);
        await page.ShouldHaveNoAxeViolationsAsync();
        var caseAddress = new Uri(page.Url).AbsolutePath;

        await page.GetByRole(AriaRole.Link, new() { Name = "Allocate" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/allocate$"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Northtown family hub").CheckAsync();
        var reason = page.GetByLabel("Why should this family have early help now?");
        if (await reason.CountAsync() > 0)
        {
            await reason.FillAsync("The MASH's work is about a cousin; this family needs support now.");
        }

        await SubmitAsync(page, "Allocate", caseAddress);
        (await page.Locator("main strong.govuk-tag").First.InnerTextAsync()).ShouldBe("Allocated");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the family's answer" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/consent$"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Yes, they agreed").CheckAsync();
        await SubmitAsync(page, "Save the answer", caseAddress);
        (await page.Locator("main strong.govuk-tag").First.InnerTextAsync()).ShouldBe("Accepted by the family");

        var referrer = await NewPageAsync();
        await referrer.SignInAsync(Referrer);
        await referrer.GotoAsync("/referrals/" + Uri.EscapeDataString(reference));
        var earlyHelp = referrer.Locator("section[aria-labelledby='early-help-heading']");
        (await earlyHelp.InnerTextAsync()).ShouldContain("The family accepted early help");
        (await earlyHelp.InnerTextAsync()).ShouldContain("Northtown family hub");
        await referrer.ShouldHaveNoAxeViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the family's answer" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/consent$"));
        await page.GetByLabel("They no longer want it").CheckAsync();
        await page.GetByLabel("If they refused, the reason they gave").FillAsync("They have moved in with grandparents who help.");
        await page.ShouldHaveNoAxeViolationsAsync();
        await SubmitAsync(page, "Save the answer", caseAddress);
        (await page.Locator("main strong.govuk-tag").First.InnerTextAsync()).ShouldBe("Declined by the family");
        await page.ShouldHaveNoAxeViolationsAsync();
        await referrer.ReloadAsync();
        (await earlyHelp.InnerTextAsync()).ShouldContain("The family declined early help");
        (await referrer.Locator("main").InnerTextAsync()).ShouldNotContain("grandparents", Case.Insensitive);

        await page.GetByRole(AriaRole.Link, new() { Name = "Step up to the MASH" }).ClickAsync();
        await page.WaitForAddressAsync(new Regex("/step-up$"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Why does the family need the MASH now?").FillAsync("Nursery reports new bruising on the youngest.");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await SubmitAsync(page, "Step up to the MASH", caseAddress);
        (await page.Locator("main strong.govuk-tag").First.InnerTextAsync()).ShouldBe("Stepped up");
        await page.ShouldHaveNoAxeViolationsAsync();

        var contact = await App.ExecuteDbContextAsync(db => db.EarlyHelpCases.Where(c => c.Reference == reference
                && c.Status == EarlyHelpCaseStatus.SteppedUp)
            .Select(c => db.MashCases.Where(m => m.Id == c.SteppedUpToCaseId).Select(m => new { m.Id, m.Reference }).Single())
            .SingleAsync());

        var mash = await NewPageAsync();
        await mash.SignInAsync("practitioner@example.org");
        await mash.GotoAsync("/mash?reference=" + Uri.EscapeDataString(contact.Reference));
        await mash.WaitForAddressAsync(new Regex($"/mash/cases/{contact.Id}$"));
        (await mash.Locator("h1").InnerTextAsync()).ShouldBe(contact.Reference);
        var record = await mash.Locator("main").InnerTextAsync();
        record.ShouldContain("Stepped up from the early help hub");
        record.ShouldContain(reference);
        record.ShouldContain("Nursery reports new bruising on the youngest.");
        record.ShouldContain("They have moved in with grandparents who help.");
        await mash.ShouldHaveNoAxeViolationsAsync();
    }

    private static async Task SubmitAsync(IPage page, string button, string caseAddress)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForPathAsync(caseAddress);
    }

    [GeneratedRegex("/early-help/cases/[0-9a-f-]{36}$")]
    private static partial Regex CaseAddress();
}
