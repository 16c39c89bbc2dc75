using Microsoft.EntityFrameworkCore;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.IntegrationTests.Pages.EarlyHelp;

/// <summary>
/// The loop closed for referrers (issue 16, item 3; docs/decisions/0118): an early help request's referrer sees who is
/// helping and when, and a step-down's referrer hears the family's answer, by e-mail and in the portal, with nothing
/// the family or the hub said.
/// </summary>
public sealed class EarlyHelpReferrerTests(PortalApp app) : IntegrationTest(app)
{
    private const string FamilysReason = "They feel they are coping since the new baby arrived.";
    private const string HubsNote = "Mum says the school nurse already visits weekly.";

    [Fact]
    public async Task An_early_help_requests_referrer_sees_who_is_helping_and_when_and_is_told_at_each_step_but_never_the_familys_words()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var referrer = await App.SignInAsync(world.Mash.Referrer.Email!);
        var reference = await EarlyHelpWorld.EarlyHelpRequestAsync(referrer);
        var id = await App.ExecuteDbContextAsync(db =>
            db.EarlyHelpCases.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync());
        var page = await referrer.GetStringAsync(ReferralRoutes.Sent(reference));
        page.ShouldContain(EarlyHelpForReferrer.Received);
        page.ShouldContain("Not allocated yet");

        var coordinator = await App.SignInAsync(world.Coordinator.Email!);
        await PostAsync(coordinator, EarlyHelpRoutes.Allocate(id), ("Data.LeadProfessionalId", world.FamilyHub.ToString()));
        (await MessagesToReferrerAsync(world)).ShouldBe([(EmailTemplate.EarlyHelpAllocated.Name, ReferralRoutes.Sent(reference))]);
        page = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        page.ShouldContain(EarlyHelpForReferrer.Allocated);
        page.ShouldContain("Northtown family hub hub@example.org");
        page.ShouldContain("The family will be contacted by");

        await PostAsync(coordinator, EarlyHelpRoutes.Consent(id), ("Data.Agreed", "false"), ("Data.Reason", FamilysReason));
        await PostAsync(coordinator, EarlyHelpRoutes.Close(id), ("Data.Outcome", nameof(EarlyHelpOutcome.FamilyDeclined)),
            ("Data.Note", HubsNote));

        (await MessagesToReferrerAsync(world)).Select(m => m.Template).ShouldBe([EmailTemplate.EarlyHelpAllocated.Name,
            EmailTemplate.EarlyHelpFamilyAnswered.Name, EmailTemplate.EarlyHelpEnded.Name]);
        page = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        page.ShouldContain(EarlyHelpForReferrer.Ended);
        page.ShouldContain("The family did not want early help");
        page.ShouldContain("First contact made on");
        page.ShouldNotContain("new baby arrived");
        page.ShouldNotContain("visits weekly");
        MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Index)).ShouldContain(EarlyHelpForReferrer.Ended);
    }

    [Fact]
    public async Task A_step_downs_referrer_hears_the_familys_answer_only_once_the_MASHs_feedback_has_told_them_of_the_step_down()
    {
        var world = await EarlyHelpWorld.CreateAsync(App);
        var (id, caseId, reference) = await world.SteppedDownAsync(App);
        var coordinator = await App.SignInAsync(world.Coordinator.Email!);
        var referrer = await App.SignInAsync(world.Mash.Referrer.Email!);

        await PostAsync(coordinator, EarlyHelpRoutes.Allocate(id), ("Data.LeadProfessionalId", world.School.ToString()));
        await PostAsync(coordinator, EarlyHelpRoutes.Consent(id), ("Data.Agreed", "true"));
        (await MessagesToReferrerAsync(world)).ShouldBeEmpty("the referrer has not yet been told the MASH's decision");
        (await referrer.GetStringAsync(ReferralRoutes.Sent(reference))).ShouldNotContain("Early help for the family");

        await new DecisionLoop(new PortalActor(App.Services)).SendFeedbackAsync(caseId, world.Mash.Practitioner);
        var page = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        page.ShouldContain("Early help for the family");
        page.ShouldContain(EarlyHelpForReferrer.Accepted);
        page.ShouldContain("Northtown Primary School");

        await PostAsync(coordinator, EarlyHelpRoutes.Consent(id), ("Data.Agreed", "false"), ("Data.Reason", FamilysReason));
        (await MessagesToReferrerAsync(world)).ShouldContain((EmailTemplate.EarlyHelpFamilyAnswered.Name, ReferralRoutes.Sent(reference)));
        (await MessagesToReferrerAsync(world)).ShouldNotContain(m => m.Template == EmailTemplate.EarlyHelpAllocated.Name);
        page = MashTestData.Text(await referrer.GetStringAsync(ReferralRoutes.Sent(reference)));
        page.ShouldContain(EarlyHelpForReferrer.Declined);
        page.ShouldNotContain("new baby arrived");
    }

    private Task<List<(string Template, string? Link)>> MessagesToReferrerAsync(EarlyHelpWorld world) =>
        App.ExecuteDbContextAsync(async db => (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Recipient == world.Mash.Referrer.Email && m.Template.StartsWith("early-help."))
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => new { m.Template, m.Link }).ToListAsync())
            .Select(m => (m.Template, m.Link)).ToList());

    private static async Task PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var response = await Forms.PostAsync(client, url, EarlyHelpWorld.Stamped(await client.GetStringAsync(url), fields));
        (await Forms.ErrorsAsync(response)).ShouldBeEmpty();
    }
}
