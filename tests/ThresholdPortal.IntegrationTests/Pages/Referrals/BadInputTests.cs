using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>
/// Every page refuses bad input with the GOV.UK error summary, and a refused step stores nothing.
/// </summary>
public sealed class BadInputTests(PortalApp app) : IntegrationTest(app)
{
    private async Task<ReferralJourney> DraftWithChildAsync()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Jayden", "Clarke", "basic-care-3a");
        return journey;
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused step shows the page again");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("<title>Error: ");
        return WebUtility.HtmlDecode(Forms.ErrorSummary(html));
    }

    [Theory]
    [InlineData("screening", "Select yes if a child is in immediate danger")]
    [InlineData("children/add", "Enter the child's first name")]
    [InlineData("level", "Select the level you are referring at")]
    [InlineData("household/adult", "Enter how they are related to the children")]
    [InlineData("concerns", "Describe what happened and when")]
    [InlineData("background", "Name the other professionals involved and their views")]
    [InlineData("categories", "Select the concerns that apply, or select none of these")]
    [InlineData("consent", "Select whether the parents or carers agreed to the referral")]
    [InlineData("communication", "Select yes if anyone in the family needs an interpreter")]
    [InlineData("your-details", "Enter a phone number the MASH can call you on")]
    public async Task A_page_sent_empty_asks_for_its_required_answers(string step, string message)
    {
        var journey = await DraftWithChildAsync();

        var errors = await ErrorsAsync(await journey.PostAsync(step, []));

        errors.ShouldContain(message);
    }

    [Fact]
    public async Task The_child_details_page_asks_for_each_required_answer_and_links_to_its_field()
    {
        var journey = await DraftWithChildAsync();

        var response = await journey.PostAsync($"children/{journey.Children[0]}/details", new() { ["Data.Born"] = "true" });

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<a href=\"#Data_DateOfBirth\">Enter the child&#x27;s date of birth</a>");
        html.ShouldContain("<a href=\"#Data_Gender\">Select the child&#x27;s gender</a>");
        html.ShouldContain("<a href=\"#Data_Postcode\">Enter the child&#x27;s postcode</a>");
        html.ShouldContain("<a href=\"#Data_AddressLine1\">");
    }

    [Theory]
    [InlineData("31", "2", "2019", "Date of birth must be a real date")]
    [InlineData("12", "13", "2019", "Date of birth must be a real date")]
    [InlineData("1", "1", "1850", "Date of birth must be a real date")]
    [InlineData("1x", "1", "2019", "Date of birth must be a real date")]
    [InlineData("", "3", "2019", "Date of birth must include a day, month and year")]
    [InlineData("1", "1", "2099", "Date of birth must be today or in the past")]
    [InlineData("1", "1", "2001", "The child must be under 18")]
    public async Task Impossible_future_and_adult_dates_of_birth_are_refused(string day, string month, string year, string message)
    {
        var journey = await DraftWithChildAsync();

        var response = await journey.PostAsync($"children/{journey.Children[0]}/details", ChildDetails(new()
        {
            ["Data.Born"] = "true", ["Data.DateOfBirth.Day"] = day, ["Data.DateOfBirth.Month"] = month, ["Data.DateOfBirth.Year"] = year,
        }));

        (await ErrorsAsync(response)).ShouldContain(message);
        (await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync())).DateOfBirth.ShouldBeNull();
    }

    [Fact]
    public async Task An_unborn_baby_takes_an_expected_date_in_the_coming_months_but_not_in_the_past()
    {
        var journey = await DraftWithChildAsync();
        var soon = TestClock.UtcNow.UtcDateTime.AddMonths(3);
        var past = TestClock.UtcNow.UtcDateTime.AddDays(-10);

        var refused = await journey.PostAsync($"children/{journey.Children[0]}/details", ChildDetails(new()
        {
            ["Data.Born"] = "false", ["Data.ExpectedDate.Day"] = $"{past.Day}", ["Data.ExpectedDate.Month"] = $"{past.Month}",
                ["Data.ExpectedDate.Year"] = $"{past.Year}",
        }));
        (await ErrorsAsync(refused)).ShouldContain("Expected date of birth must be today or in the future");

        await journey.ShouldRedirectAsync($"children/{journey.Children[0]}/details", ChildDetails(new()
        {
            ["Data.Born"] = "false", ["Data.ExpectedDate.Day"] = $"{soon.Day}", ["Data.ExpectedDate.Month"] = $"{soon.Month}",
                ["Data.ExpectedDate.Year"] = $"{soon.Year}",
            ["Data.GivenName"] = string.Empty, ["Data.FamilyName"] = string.Empty,
        }));
        var child = await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync());
        child.IsUnborn.ShouldBeTrue();
        child.ExpectedDate.ShouldBe(DateOnly.FromDateTime(soon));
        child.DateOfBirth.ShouldBeNull();
    }

    [Fact]
    public async Task Text_over_its_limit_is_refused_and_nothing_on_the_page_is_stored()
    {
        var journey = await DraftWithChildAsync();

        var response = await journey.PostAsync("concerns", new()
        {
            ["Data.WhatHappened"] = new string('a', ReferralConcerns.LongAnswerMaxLength + 1),
            ["Data.RiskFactors"] = "A valid answer that must not be saved alone.",
            ["Data.ProtectiveFactors"] = "x",
            ["Data.ExpectedOutcome"] = "x",
        });

        (await ErrorsAsync(response)).ShouldContain("What happened must be 6,000 characters or fewer");
        var concerns = (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Concerns;
        concerns.WhatHappened.ShouldBeNull();
        concerns.RiskFactors.ShouldBeNull();
    }

    [Fact]
    public async Task Scripts_and_markup_are_stored_as_typed_and_always_shown_encoded()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"";
        await journey.ConcernsAsync(whatHappened: ReferralJourney.GoodConcerns + " " + script);

        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Concerns.WhatHappened!.ShouldEndWith(script);
        foreach (var html in new[] { await journey.Client.GetStringAsync(journey.Url("check-answers")),
            await journey.Client.GetStringAsync(journey.Url("concerns")) })
        {
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=x");
            html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; " +
                "&quot;quoted&quot;");
        }

        var reference = await journey.SubmitForReferenceAsync();
        (await journey.Client.GetStringAsync($"/referrals/{reference}")).ShouldContain("&lt;script&gt;alert(");
    }

    [Fact]
    public async Task A_refused_page_is_shown_again_around_what_was_typed()
    {
        var journey = await DraftWithChildAsync();
        await journey.AddChildAsync("Maisie", "Clarke", "education-2a");

        var response = await journey.PostAsync($"children/{journey.Children[0]}/experience", new()
        {
            ["Data.HowConcernsAffectChild"] = new string('x', ReferralConcerns.LongAnswerMaxLength + 1),
            ["Data.SiblingsExperiences"] = "Maisie copies him.",
        });

        var html = await response.Content.ReadAsStringAsync();
        (await ErrorsAsync(response)).ShouldContain("How the concerns affect the child must be 6,000 characters or fewer");
        html.ShouldContain("<h1 class=\"govuk-heading-l\">Jayden Clarke's experience</h1>");
        html.ShouldContain(">Maisie copies him.</textarea>");
    }

    [Fact]
    public async Task Control_characters_pasted_from_a_word_processor_are_stored_as_plain_text()
    {
        var journey = await DraftWithChildAsync();

        await journey.ShouldRedirectAsync("background", new()
        {
            ["Data.History"] = "Known to services since 2020\vSeen by the school nurse\u0007 in May",
            ["Data.OtherProfessionals"] = "None",
        });

        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync()))
            .Concerns.History.ShouldBe("Known to services since 2020\nSeen by the school nurse in May");
    }

    [Fact]
    public async Task A_nul_character_is_dropped_and_what_was_typed_is_kept()
    {
        var journey = await DraftWithChildAsync();

        // Once a bare 400 that lost the answer; now the one cleaner drops it where text is bound (docs/decisions/0099).
        var response = await journey.PostAsync("background", new()
        {
            ["Data.History"] = "Known to services\0 since 2020",
            ["Data.OtherProfessionals"] = "None",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Concerns.History.ShouldBe("Known to services since 2020");
    }

    [Theory]
    [InlineData("NOT A POSTCODE", "Enter a real postcode, like NT1 1AA")]
    [InlineData("NT1", "Enter a real postcode, like NT1 1AA")]
    public async Task A_postcode_that_cannot_be_real_is_refused(string postcode, string message)
    {
        var journey = await DraftWithChildAsync();

        var response = await journey.PostAsync($"children/{journey.Children[0]}/details",
            ChildDetails(new() { ["Data.Postcode"] = postcode }));

        (await ErrorsAsync(response)).ShouldContain(message);
    }

    [Theory]
    [InlineData("call me", "Enter a phone number, like 01632 960 001 or 07700 900 982")]
    [InlineData("12345", "Enter a phone number, like 01632 960 001 or 07700 900 982")]
    [InlineData("0163296000101632960001016329600010", "Phone number must be 30 characters or fewer")]
    public async Task A_phone_number_that_cannot_be_called_is_refused(string phone, string message)
    {
        var journey = await DraftWithChildAsync();

        var response = await journey.PostAsync("your-details", new() { ["Data.Phone"] = phone });

        (await ErrorsAsync(response)).ShouldContain(message);
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Referrer.Phone.ShouldBeNull();
    }

    [Theory]
    [InlineData("Banana")]
    [InlineData("9")]
    public async Task A_level_that_does_not_exist_is_refused(string level)
    {
        var journey = await DraftWithChildAsync();

        var errors = await ErrorsAsync(await journey.PostAsync("level", new() { ["Data.ChosenLevel"] = level }));

        errors.ShouldNotBe("(no error summary)");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).ChosenLevel.ShouldBeNull();
    }

    [Fact]
    public async Task Ticking_a_category_makes_its_follow_up_questions_required()
    {
        var journey = await DraftWithChildAsync();

        var response = await journey.PostAsync("categories", new() { ["Data.Categories"] = "ChildSexualExploitation" });

        var errors = await ErrorsAsync(response);
        errors.ShouldContain("Describe what makes you think the child is being sexually exploited");
        errors.ShouldContain("Describe the people, places, vehicles or online contacts linked to the exploitation");
        errors.ShouldContain("Select yes if a CSE risk assessment tool has been completed");
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Categories.ShouldBeNull();
    }

    [Fact]
    public async Task None_of_these_cannot_be_ticked_with_a_category_and_made_up_categories_are_refused()
    {
        var journey = await DraftWithChildAsync();
        var token = await journey.TokenAsync("categories");

        var response = await journey.Client.PostAsync(journey.Url("categories"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Data.Categories", "None"), new("Data.Categories", "Neglect"),
                new("Data.Categories", "Witchcraft"),
        ]));

        var errors = await ErrorsAsync(response);
        errors.ShouldContain("Select concerns from the list");
    }

    [Fact]
    public async Task Indicator_codes_not_in_the_document_are_refused_and_not_stored()
    {
        var journey = await DraftWithChildAsync();

        var response = await journey.PostAsync($"children/{journey.Children[0]}/indicators",
            new() { ["Data.IndicatorCodes"] = "made-up-4z" });

        (await ErrorsAsync(response)).ShouldContain("Select indicators from the list: made-up-4z is not in the threshold document");
        (await App.ExecuteDbContextAsync(db => db.ReferralChildren.SingleAsync())).IndicatorCodes
            .ShouldBe(["basic-care-3a"], "the answer saved before is kept as it was");
    }

    [Fact]
    public async Task A_file_that_is_not_really_a_pdf_docx_png_or_jpeg_is_refused_whatever_it_is_called()
    {
        var journey = await DraftWithChildAsync();

        var executable = await journey.UploadAsync([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "risk-assessment.pdf");
        var spreadsheet = await journey.UploadAsync(UploadForm.Docx(withDocumentPart: false), "risk-assessment.docx");

        (await ErrorsAsync(executable)).ShouldContain("The selected file must be a PDF, a Word document (DOCX), a PNG or a JPEG");
        (await ErrorsAsync(spreadsheet)).ShouldContain("The selected file must be a PDF, a Word document (DOCX), a PNG or a JPEG");
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.CountAsync())).ShouldBe(0);
        (await App.ExecuteDbContextAsync(db => db.AttachmentContents.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_real_word_document_is_stored_as_docx_whatever_the_browser_called_it()
    {
        var journey = await DraftWithChildAsync();

        (await journey.UploadAsync(UploadForm.Docx(), "Graded care profile.pdf", kind: "GradedCareProfile"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var attachment = await App.ExecuteDbContextAsync(db => db.ReferralAttachments.SingleAsync());
        attachment.FileName.ShouldBe("Graded care profile.docx");
        attachment.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        attachment.Kind.ShouldBe(AttachmentKind.GradedCareProfile);
        (await App.ExecuteDbContextAsync(db => db.AttachmentContents.SingleAsync())).Bytes.ShouldBe(UploadForm.Docx());
    }

    [Fact]
    public async Task A_file_over_10_mb_is_refused_with_a_clear_message()
    {
        var journey = await DraftWithChildAsync();
        var tooBig = new byte[ReferralAttachment.MaxSizeBytes + 1];
        UploadForm.Pdf.CopyTo(tooBig, 0);

        var response = await journey.UploadAsync(tooBig, "big.pdf");

        (await ErrorsAsync(response)).ShouldContain("The selected file must be smaller than 10 MB");
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_file_a_missing_file_and_an_undescribed_other_document_are_refused()
    {
        var journey = await DraftWithChildAsync();

        (await ErrorsAsync(await journey.UploadAsync([], "empty.pdf"))).ShouldContain("The selected file is empty");
        (await ErrorsAsync(await journey.PostAsync("attachments", new() { ["Data.Kind"] = "Dash" }))).ShouldContain("Select a file");
        (await ErrorsAsync(await journey.UploadAsync(UploadForm.Pdf, "x.pdf", kind: "Other"))).ShouldContain("Describe the document");
        (await ErrorsAsync(await journey.PostAsync("attachments", []))).ShouldContain("Select what the document is");
    }

    [Fact]
    public async Task No_more_than_ten_files_can_be_attached()
    {
        var journey = await DraftWithChildAsync();
        for (var file = 1; file <= ReferralAttachment.MaxPerReferral; file++)
        {
            (await journey.UploadAsync(UploadForm.Pdf, $"file-{file}.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var eleventh = await journey.UploadAsync(UploadForm.Pdf, "file-11.pdf");

        (await ErrorsAsync(eleventh)).ShouldContain("You can attach up to 10 files");
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.CountAsync())).ShouldBe(ReferralAttachment.MaxPerReferral);
    }

    [Fact]
    public async Task Removing_an_attachment_removes_its_bytes_too()
    {
        var journey = await DraftWithChildAsync();
        await journey.UploadAsync(UploadForm.Pdf, "DASH.pdf");
        var attachment = await App.ExecuteDbContextAsync(db => db.ReferralAttachments.Select(a => a.Id).SingleAsync());
        var token = await journey.TokenAsync("attachments");

        var response = await journey.Client.PostAsync(journey.Url($"attachments?handler=Remove&attachmentId={attachment}"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await App.ExecuteDbContextAsync(db => db.ReferralAttachments.CountAsync())).ShouldBe(0);
        (await App.ExecuteDbContextAsync(db => db.AttachmentContents.CountAsync())).ShouldBe(0);
    }

    private static Dictionary<string, string> ChildDetails(Dictionary<string, string> overrides)
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
            ["Data.Postcode"] = "NT1 1AA",
        };
        foreach (var (key, value) in overrides)
        {
            fields[key] = value;
        }

        return fields;
    }
}
