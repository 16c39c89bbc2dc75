using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Mash;

public sealed class ContactTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_phone_contact_recorded_by_a_practitioner_joins_the_queue_with_its_source_code()
    {
        var team = await App.MashTeamAsync();
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var form = ContactForms.PhoneCall("Tyler",
            "Tyler's grandmother found him alone at home at 10pm; his mother came back at midnight.", "Neglect");
        form["Data.Children[0].DateOfBirth.Day"] = "2";
        form["Data.Children[0].DateOfBirth.Month"] = "2";
        form["Data.Children[0].DateOfBirth.Year"] = "2019";
        form["Data.Children[0].Postcode"] = "nt12ab";
        form["Data.Adults[0].GivenName"] = "Shannon";
        form["Data.Adults[0].FamilyName"] = "Doyle";
        form["Data.Adults[0].Relationship"] = "Mother";
        var response = await Forms.PostAsync(client, ContactForms.Url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, MashTestData.Text(await response.Content.ReadAsStringAsync()));
        var mashCase = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync());
        response.Headers.Location!.ToString().ShouldBe($"/mash/cases/{mashCase.Id}");
        mashCase.Channel.ShouldBe(ContactChannel.Phone);
        mashCase.SourceCode.ShouldBe("1A");
        mashCase.ReferringOrganisationId.ShouldBeNull();
        mashCase.Status.ShouldBe(MashCaseStatus.New);
        var referral = await App.ExecuteDbContextAsync(db =>
            db.Referrals.Include(r => r.Children).Include(r => r.Adults).AsSplitQuery().SingleAsync());
        referral.Status.ShouldBe(ReferralStatus.Submitted);
        referral.ReferralSourceCode.ShouldBe("1A");
        referral.Referrer.Name.ShouldBe("Margaret Doyle");
        referral.Children.Single().Postcode.ShouldBe("NT1 2AB");
        referral.Children.Single().DateOfBirth.ShouldBe(new DateOnly(2019, 2, 2));
        referral.Adults.Single().Relationship.ShouldBe("Mother");

        var queue = MashTestData.Text(await client.GetStringAsync("/mash?from=public"));
        queue.ShouldContain(mashCase.Reference);
        queue.ShouldContain("Phone contact (source 1A)");
        queue.ShouldContain("T.D.,");
        MashTestData.Text(await client.GetStringAsync($"/mash/cases/{mashCase.Id}"))
            .ShouldContain("Phone, from Phone contact (referral source 1A)");
    }

    [Fact]
    public async Task An_anonymous_caller_needs_no_name_but_the_contact_needs_a_child_and_what_was_said()
    {
        var team = await App.MashTeamAsync();
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var incomplete = await Forms.PostAsync(client, ContactForms.Url, new()
        {
            ["Data.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["Data.Channel"] = "Phone",
            ["Data.SourceCode"] = "1B",
            ["Data.Children[0].DateOfBirth.Day"] = "31",
            ["Data.Children[0].DateOfBirth.Month"] = "2",
            ["Data.Children[0].DateOfBirth.Year"] = "2019",
        });
        var errors = MashTestData.Text(await incomplete.Content.ReadAsStringAsync());
        errors.ShouldContain("Enter the caller's name, or choose anonymous");
        errors.ShouldContain("Enter the name of at least one child");
        errors.ShouldContain("Date of birth must be a real date");
        errors.ShouldContain("Enter what the caller told you");
        errors.ShouldContain("Say whether a child is in immediate danger");

        var anonymous = await Forms.PostAsync(client, ContactForms.Url, new()
        {
            ["Data.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["Data.Channel"] = "InPerson",
            ["Data.SourceCode"] = "9",
            ["Data.Children[0].GivenName"] = string.Empty,
            ["Data.Children[1].GivenName"] = "The boy at number 12",
            ["Data.ChildInImmediateDanger"] = "false",
            ["Data.WhatHappened"] = "A caller who would not give a name said the boy at number 12 is often shouted at.",
        });

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mashCase = await App.ExecuteDbContextAsync(db => db.MashCases.SingleAsync());
        (mashCase.SourceCode, mashCase.Channel).ShouldBe(("9", ContactChannel.InPerson));
        (await App.ExecuteDbContextAsync(db => db.Referrals.SingleAsync())).Referrer.Name.ShouldBe("Anonymous");
    }

    [Theory]
    [InlineData("Data.CallerPhone", "call me <b>later</b>", "Enter a phone number, like 01632 960 001 or 07700 900 982")]
    [InlineData("Data.CallerPhone", "123", "Enter a phone number, like 01632 960 001 or 07700 900 982")]
    [InlineData("Data.CallerEmail", "margaret at home", "Enter an email address in the correct format, like name@example.org")]
    public async Task A_callers_phone_number_and_email_address_must_be_real_ones(string field, string value, string error)
    {
        var team = await App.MashTeamAsync();
        var client = await App.SignInAsync(team.Practitioner.Email!);
        var form = ContactForms.PhoneCall("Tyler", "Tyler's grandmother found him alone at home at 10pm.", "Neglect");
        form[field] = value;

        var response = await Forms.PostAsync(client, ContactForms.Url, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Forms.ErrorsAsync(response)).ShouldContain(error);
        (await App.ExecuteDbContextAsync(db => db.Referrals.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_contact_form_sent_twice_records_one_contact()
    {
        var team = await App.MashTeamAsync();
        var client = await App.SignInAsync(team.Practitioner.Email!);
        var fields = new Dictionary<string, string>
        {
            ["Data.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["Data.Channel"] = "Email",
            ["Data.SourceCode"] = "1C",
            ["Data.CallerName"] = "Kai",
            ["Data.Children[0].GivenName"] = "Kai",
            ["Data.ChildInImmediateDanger"] = "false",
            ["Data.WhatHappened"] = "Kai emailed to say he does not feel safe at home.",
        };

        var first = await Forms.PostAsync(client, ContactForms.Url, new(fields));
        var second = await Forms.PostAsync(client, ContactForms.Url, new(fields));

        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await App.ExecuteDbContextAsync(db => db.MashCases.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_codes_for_people_without_an_account_can_be_recorded()
    {
        var team = await App.MashTeamAsync();
        var client = await App.SignInAsync(team.Practitioner.Email!);

        var response = await Forms.PostAsync(client, ContactForms.Url, new()
        {
            ["Data.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["Data.Channel"] = "Phone",
            ["Data.SourceCode"] = "6",
            ["Data.CallerName"] = "PC Smith",
            ["Data.Children[0].GivenName"] = "Kai",
            ["Data.ChildInImmediateDanger"] = "false",
            ["Data.WhatHappened"] = "Something.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        MashTestData.Text(await response.Content.ReadAsStringAsync()).ShouldContain("Select who made the contact");
        (await App.ExecuteDbContextAsync(db => db.MashCases.CountAsync())).ShouldBe(0);
    }
}
