using Microsoft.Playwright;
using ThresholdPortal.BrowserTests.Infrastructure;

namespace ThresholdPortal.BrowserTests;

/// <summary>The pages of the referral journey as a referrer fills them in, each checked with axe before it is answered.</summary>
public sealed class JourneySteps(IPage page)
{
    public async Task StartAsync()
    {
        await page.GotoAsync("/referrals");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new referral" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Before you start");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start referral" }).ClickAsync();
    }

    public async Task AnswerScreeningAsync()
    {
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is any child in immediate danger?" }).GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is female genital mutilation (FGM) a concern for any girl?" })
            .GetByLabel("No", new() { Exact = true }).CheckAsync();
        await SaveAsync();
    }

    /// <summary>The search on the indicators page (JavaScript) narrows the list as the referrer types, and clearing it shows all
    /// again.</summary>
    public async Task SearchIndicatorsAsync(string search, string matching, string notMatching)
    {
        var box = page.GetByLabel("Search the statements");
        await box.FillAsync(search);
        (await page.GetByLabel(matching, new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByLabel(notMatching, new() { Exact = true }).IsHiddenAsync()).ShouldBeTrue();
        (await page.Locator("#indicator-search-count").InnerTextAsync()).ShouldEndWith("match");
        await page.ShouldHaveNoAxeViolationsAsync(state: "narrowed by a search");
        await box.FillAsync(string.Empty);
        (await page.GetByLabel(notMatching, new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();
    }

    public async Task AddChildAsync(string givenName, string familyName, params string[] indicators) =>
        await AddChildAsync(givenName, familyName, null, indicators);

    public async Task AddChildAsync(string givenName, string familyName, Func<Task>? onIndicatorsPage, params string[] indicators)
    {
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("First name").FillAsync(givenName);
        await page.GetByLabel("Last name").FillAsync(familyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe($"What do you see for {givenName} {familyName}?");
        await page.ShouldHaveNoAxeViolationsAsync();
        if (onIndicatorsPage is not null)
        {
            await onIndicatorsPage();
        }

        foreach (var indicator in indicators)
        {
            await page.GetByLabel(indicator, new() { Exact = true }).CheckAsync();
        }

        await SaveAsync();
    }

    public async Task AddAnotherChildAsync(bool another)
    {
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel(another ? "Yes" : "No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    public async Task ShouldBeOnTaskListAsync()
    {
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Your referral");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    /// <summary>From the task list: each child's details and experience, one child after another.</summary>
    public async Task CompleteChildrenAsync(params (string Name, string Day, string Month, string Year)[] children)
    {
        await page.Locator(".govuk-task-list__link", new() { HasTextString = $"About {children[0].Name}" }).ClickAsync();
        foreach (var child in children)
        {
            await page.ShouldHaveNoAxeViolationsAsync();
            await AnswerChildDetailsAsync(child.Day, child.Month, child.Year);
            await SaveAsync();
            await AnswerChildExperienceAsync(child.Name);
        }

        await ShouldBeOnTaskListAsync();
    }

    /// <summary>Fills the child's details page (born, with the date given, a boy, at school) without saving it.</summary>
    public async Task AnswerChildDetailsAsync(string day, string month, string year)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Has the child been born?" }).GetByLabel("Yes").CheckAsync();
        var dateOfBirth = page.GetByRole(AriaRole.Group, new() { Name = "Date of birth", Exact = true });
        await dateOfBirth.GetByLabel("Day").FillAsync(day);
        await dateOfBirth.GetByLabel("Month").FillAsync(month);
        await dateOfBirth.GetByLabel("Year").FillAsync(year);
        await page.GetByRole(AriaRole.Group, new() { Name = "Gender", Exact = true }).GetByLabel("Male", new() { Exact = true })
            .CheckAsync();
        if (await page.GetByLabel("Address line 1").InputValueAsync() == string.Empty)
        {
            await page.GetByLabel("Address line 1").FillAsync("1 Mill Lane");
            await page.GetByLabel("Town or city (optional)").FillAsync("Northtown");
            await page.GetByLabel("Postcode").FillAsync("NT1 1AA");
        }

        await page.GetByLabel("School, nursery or other setting (optional)").FillAsync("Riverside Primary School");
    }

    public async Task AnswerChildExperienceAsync(string name)
    {
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("How do the concerns affect this child?")
            .FillAsync($"{name} is frightened at home and finds it hard to settle in class.");
        await page.GetByLabel("What has the child said, or how did they seem? (optional)")
            .FillAsync($"{name} said: I don't like it when he shouts.");
        await SaveAsync();
    }

    public async Task AddAdultAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Household members and significant adults" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("First name").FillAsync("Kelly");
        await page.GetByLabel("Last name").FillAsync("Clarke");
        await page.GetByLabel("Relationship to the children").FillAsync("Mother");
        await page.GetByRole(AriaRole.Group, new() { Name = "Do they live with the children?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Do they know about this referral?" }).GetByLabel("No").CheckAsync();
        await SaveAsync();
        await AddAnotherChildAsync(false);
        await ShouldBeOnTaskListAsync();
    }

    public async Task DescribeConcernsAsync(string whatHappened)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "The concerns" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("What happened, and when?").FillAsync(whatHappened);
        await page.GetByLabel("Risk factors").FillAsync("Repeated marks; the mother's partner is said to be rough with the children.");
        await page.GetByLabel("Protective factors").FillAsync("Their mother brings them to school every day and is warm with them.");
        await page.GetByLabel("Your analysis: why this level?")
            .FillAsync("The needs are more than one service can meet, so this is the level the guidance suggests.");
        await page.GetByLabel("What do you expect to happen?").FillAsync("An assessment of what the family needs.");
        await SaveAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("What do you know of the family's history?").FillAsync("None known.");
        await page.GetByLabel("Which other professionals are involved, and what do they think?")
            .FillAsync("The school nurse shares our concern.");
        await SaveAsync();
    }

    /// <summary>"No more children", then the categories of concern, which come before the suggested level.</summary>
    public async Task NoMoreChildrenAsync(bool domesticAbuse = false)
    {
        await AddAnotherChildAsync(false);
        await ChooseCategoriesAsync(domesticAbuse);
    }

    /// <summary>The categories page, answered with domestic abuse (and its DASH question) or none of these; lands on the level.</summary>
    public async Task ChooseCategoriesAsync(bool domesticAbuse)
    {
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Which of these are you concerned about?");
        await page.ShouldHaveNoAxeViolationsAsync();
        if (domesticAbuse)
        {
            await page.GetByLabel("Domestic abuse").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Has a DASH risk checklist been completed?" }).GetByLabel("Yes")
                .CheckAsync();
            await page.ShouldHaveNoAxeViolationsAsync(state: "DASH question revealed");
        }
        else
        {
            await page.GetByLabel("None of these").CheckAsync();
        }

        await SaveAsync();
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("The suggested level");
    }

    public async Task AnswerConsentAsync(string decision, string? reason, string basis)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Consent and communication" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel(decision).CheckAsync();
        if (reason is not null)
        {
            await page.GetByLabel("Why did you not seek consent?").FillAsync(reason);
        }

        await page.GetByLabel(basis).CheckAsync();
        await SaveAsync();
    }

    public async Task AnswerCommunicationAsync()
    {
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Does the child or anyone in the family need an interpreter?" })
            .GetByLabel("No").CheckAsync();
        await page.GetByRole(AriaRole.Group,
            new() { Name = "Does the child or anyone in the family have a disability or communication need?" }).GetByLabel("No")
            .CheckAsync();
        await SaveAsync();
        await ShouldBeOnTaskListAsync();
    }

    public async Task GiveContactDetailsAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Your contact details" }).ClickAsync();
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByLabel("Phone number for this referral").FillAsync("01632 960 001");
        await SaveAsync();
        await ShouldBeOnTaskListAsync();
    }

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
}
