using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

/// <summary>Guidance that reads the child and the referrer (issue 15): routes from the document, FGM advice for a teacher.</summary>
public sealed class GuidanceJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_disabled_child_whose_family_asks_for_short_breaks_is_routed_to_the_disabled_childrens_team()
    {
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("referrer@example.org");

        await steps.StartAsync();
        await steps.AnswerScreeningAsync();
        await steps.AddChildAsync("Leo", "Hart",
            "The family is asking for short breaks or other help to care for their disabled child, who is a child in need.");
        await steps.AddAnotherChildAsync(false);

        (await page.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldStartWith("Level 3:");
        (await page.GetByTestId("suggested-route").InnerTextAsync()).ShouldContain("the disabled children's team");
        await page.ShouldHaveNoAxeViolationsAsync(state: "with a route");
    }

    [Fact]
    public async Task A_teacher_referring_a_girl_at_risk_of_fgm_is_told_what_to_do_now_and_that_the_duty_is_theirs()
    {
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("referrer@example.org");

        await steps.StartAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is any child in immediate danger?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is female genital mutilation (FGM) known or suspected?" }).GetByLabel("Yes")
            .CheckAsync();
        await steps.SaveAsync();
        await steps.AddChildAsync("Amina", "Noor", "At risk of female genital mutilation, forced marriage or honour-based abuse.");
        await steps.AddAnotherChildAsync(false);

        var advice = await page.GetByTestId("fgm-advice").InnerTextAsync();
        advice.ShouldContain("As a teacher, if you know that FGM has been carried out on a girl under 18");
        advice.ShouldContain("by the end of the next working day");
        advice.ShouldContain("If she is about to travel, call the police on 999 now");
        (await page.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldStartWith("Level 4:");
        await page.ShouldHaveNoAxeViolationsAsync(state: "with FGM advice");
    }
}
