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
        await steps.NoMoreChildrenAsync();

        (await page.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldStartWith("Level 3:");
        (await page.GetByTestId("suggested-route").InnerTextAsync()).ShouldContain("the disabled children's team");
        await page.ShouldHaveNoAxeViolationsAsync(state: "with a route");
    }

    [Fact]
    public async Task A_teacher_referring_a_girl_at_risk_of_fgm_is_told_to_refer_and_to_call_999_if_she_is_about_to_travel()
    {
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("referrer@example.org");

        await steps.StartAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is any child in immediate danger?" }).GetByLabel("No").CheckAsync();
        await FgmQuestion(page).GetByLabel("Yes, a girl is at risk of FGM").CheckAsync();
        await steps.SaveAsync();
        await steps.AddChildAsync("Amina", "Noor", "At risk of female genital mutilation, forced marriage or honour-based abuse.");
        await steps.AddAnotherChildAsync(false);

        // The categories come before the suggestion, FGM already ticked from the screening answer.
        (await page.GetByLabel("Female genital mutilation").IsCheckedAsync()).ShouldBeTrue();
        await page.GetByRole(AriaRole.Group, new() { Name = "Have you told the police?" }).GetByLabel("No").CheckAsync();
        await page.ShouldHaveNoAxeViolationsAsync(state: "FGM ticked");
        await steps.SaveAsync();

        var advice = await page.GetByTestId("fgm-advice").InnerTextAsync();
        advice.ShouldContain("If she is about to travel abroad, call the police on 999 now.");
        advice.ShouldContain("(it would be yours, as a teacher)");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("Your duty to report FGM");
        (await page.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldStartWith("Level 4:");
        await page.ShouldHaveNoAxeViolationsAsync(state: "with at-risk FGM advice");
    }

    [Fact]
    public async Task A_midwife_who_knows_fgm_was_carried_out_is_asked_her_profession_and_told_the_duty_is_hers()
    {
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("midwife@example.org");

        await steps.StartAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is any child in immediate danger?" }).GetByLabel("No").CheckAsync();
        await FgmQuestion(page).GetByLabel("Yes, FGM has been carried out").CheckAsync();
        await steps.SaveAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select your profession");
        await page.ShouldHaveNoAxeViolationsAsync(state: "profession missing");
        await page.GetByLabel("Registered health professional (for example a doctor, nurse or midwife)").CheckAsync();
        await steps.SaveAsync();
        await steps.AddChildAsync("Sara", "Ali", "At risk of female genital mutilation, forced marriage or honour-based abuse.");
        await steps.AddAnotherChildAsync(false);
        await page.GetByRole(AriaRole.Group, new() { Name = "Have you told the police?" }).GetByLabel("Yes").CheckAsync();
        await steps.SaveAsync();

        var advice = await page.GetByTestId("fgm-advice").InnerTextAsync();
        advice.ShouldContain("As a health professional, if you know that FGM has been carried out on a girl under 18");
        advice.ShouldContain("by the end of the next working day");
        await page.ShouldHaveNoAxeViolationsAsync(state: "with the FGM duty");
    }

    [Fact]
    public async Task A_midwife_refers_an_unborn_baby_on_the_pre_birth_pathway_and_the_mash_sees_when_it_is_due()
    {
        var page = await NewPageAsync();
        var steps = new JourneySteps(page);
        await page.SignInAsync("midwife@example.org");

        await steps.StartAsync();
        await steps.AnswerScreeningAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("This baby is not born yet").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("What do you see for Unborn baby?");
        var indicators = page.Url;
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Drug use, heavy drinking or domestic abuse during this pregnancy.", new() { Exact = true }).CheckAsync();
        await steps.SaveAsync();
        await steps.NoMoreChildrenAsync();

        (await page.Locator(".govuk-inset-text h2").InnerTextAsync()).ShouldStartWith("Level 4:");
        (await page.GetByTestId("suggested-route").InnerTextAsync()).ShouldContain("the pre-birth pathway, through the MASH");
        await page.ShouldHaveNoAxeViolationsAsync(state: "pre-birth");
        await steps.SaveAsync();
        await steps.ShouldBeOnTaskListAsync();

        await page.Locator(".govuk-task-list__link", new() { HasTextString = "About Unborn baby" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Has the child been born?" }).GetByLabel("No").CheckAsync();
        var due = page.GetByRole(AriaRole.Group, new() { Name = "Expected date of birth", Exact = true });
        await due.GetByLabel("Day").FillAsync("14");
        await due.GetByLabel("Month").FillAsync("3");
        await due.GetByLabel("Year").FillAsync("2027");
        await page.GetByRole(AriaRole.Group, new() { Name = "Gender", Exact = true }).GetByLabel("Not known").CheckAsync();
        await page.GetByLabel("Address line 1").FillAsync("4 Mill Lane");
        await page.GetByLabel("Postcode").FillAsync("NT1 1AA");
        await page.ShouldHaveNoAxeViolationsAsync(state: "expected date");
        await steps.SaveAsync();
        await page.GetByLabel("How do the concerns affect this child?")
            .FillAsync("The baby is at risk of harm from drug use in pregnancy and after birth.");
        await steps.SaveAsync();
        await steps.AddAdultAsync();
        await steps.DescribeConcernsAsync(
            "At her booking appointment at 30 weeks on 16 November the mother told me she uses heroin most days and has no " +
            "support. She has missed two scans. Her partner is known to the police for domestic abuse.");
        var taskList = page.Url;

        // Back to the baby's statements: the midwife's own words suggest more, and she ticks one (docs/decisions/0121).
        await page.GotoAsync(indicators);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest statements from what you wrote" }).ClickAsync();
        var heroin = page.Locator("[data-suggestion='warmth-3a']");
        (await heroin.Locator("mark").InnerTextAsync()).ShouldBe("heroin");
        await page.ShouldHaveNoAxeViolationsAsync(state: "with suggestions");
        await heroin.GetByRole(AriaRole.Button, new() { Name = "Tick this statement" }).ClickAsync();
        (await page.Locator("#suggestions").InnerTextAsync()).ShouldContain("You have ticked 1 and turned down 0 of the suggestions");
        (await page.Locator("[data-suggestion='warmth-3a']").CountAsync()).ShouldBe(0);
        (await page.GetByLabel("A parent or carer's mental ill health, learning disability or substance use regularly affects their " +
            "care of the child.", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();
        await page.GotoAsync(taskList);
        await steps.AnswerConsentAsync("Yes, they agreed", null, "Consent of the parents or carers");
        await steps.AnswerCommunicationAsync();
        await steps.GiveContactDetailsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and send" }).ClickAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("14 March 2027");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        var reference = await page.Locator("[data-reference]").InnerTextAsync();

        var mash = await NewPageAsync();
        await mash.SignInAsync("practitioner@example.org");
        await mash.GotoAsync("/mash");
        var row = mash.Locator("tr", new() { Has = mash.GetByRole(AriaRole.Link, new() { Name = reference }) });
        (await row.InnerTextAsync()).ShouldContain("Unborn baby, due March 2027");
        await mash.ShouldHaveNoAxeViolationsAsync(state: "with an unborn baby");
    }

    private static ILocator FgmQuestion(IPage page) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Is female genital mutilation (FGM) a concern for any girl?" });
}
