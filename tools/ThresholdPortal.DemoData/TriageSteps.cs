using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Pages.Mash.Cases;
using ContactPage = ThresholdPortal.Web.Pages.Mash.Contacts.NewModel;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Screening as the MASH does it, one case page's command at a time: a contact written down, the case
/// opened, claimed, rated, its people linked, then progressed to checks or closed at contact. Each step
/// records its own events, as on the live pages.
/// </summary>
public sealed class TriageSteps(PortalActor actor)
{
    /// <summary>The record-a-contact page's command: a phone, e-mail or in-person contact; returns its case.</summary>
    public async Task<Guid> RecordContactAsync(PortalUser practitioner, ContactPage.Record contact, DateTimeOffset at) =>
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, contact, at), "The contact");

    /// <summary>The case page, opened: the view is recorded before anything is shown.</summary>
    public async Task OpenAsync(Guid caseId, PortalUser user, DateTimeOffset at) =>
        _ = CommandOutcomes.Found(await actor.SendAsync(user, new DetailsModel.Query(caseId), at), "Opening the case");

    public async Task ClaimAsync(Guid caseId, PortalUser practitioner, DateTimeOffset at) =>
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner,
            new DetailsModel.Claim { CaseId = caseId, Version = await VersionAsync(caseId), OpenedAt = at.UtcTicks }, at), "The claim");

    public async Task RateAsync(Guid caseId, PortalUser practitioner, BragRating rating, string reason, DateTimeOffset at) =>
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, new RatingModel.Rate
        {
            CaseId = caseId, Version = await VersionAsync(caseId), OpenedAt = at.UtcTicks, Rating = rating, Reason = reason,
        }, at), "The rating");

    public async Task ProgressToChecksAsync(Guid caseId, PortalUser practitioner, DateTimeOffset at) =>
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, new OutcomeModel.RecordOutcome
        {
            CaseId = caseId, Version = await VersionAsync(caseId), OpenedAt = at.UtcTicks, Outcome = ContactOutcome.ProgressToMashChecks,
        }, at), "Progressing to MASH checks");

    public async Task CloseAtContactAsync(Guid caseId, PortalUser practitioner, ContactClosureReason reason, string advice,
        DateTimeOffset at) =>
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, new OutcomeModel.RecordOutcome
        {
            CaseId = caseId, Version = await VersionAsync(caseId), OpenedAt = at.UtcTicks, Outcome = ContactOutcome.ClosedAtContact,
            ClosureReason = reason, AdviceGiven = advice,
        }, at), "Closing at contact");

    /// <summary>The person page's command for every child and adult of the referral: each to a new person record.</summary>
    public async Task LinkPeopleAsync(Guid caseId, PortalUser practitioner, DateTimeOffset at)
    {
        var subjects = await QueryAsync(async db => await CasePeople.SubjectsAsync(db,
            await db.MashCases.Where(c => c.Id == caseId).Select(c => c.ReferralId).SingleAsync(), CancellationToken.None));
        foreach (var subject in subjects)
        {
            await LinkAsync(caseId, practitioner, subject.SubjectId, null, at);
            at = at.AddMinutes(3);
        }
    }

    /// <summary>The person page's command: a child or adult of the referral linked to a known person, or to a new record.</summary>
    public async Task LinkAsync(Guid caseId, PortalUser practitioner, Guid subjectId, Guid? knownPerson, DateTimeOffset at) =>
        CommandOutcomes.EnsureSaved(await actor.SendAsync(practitioner, new PersonModel.Link
        {
            CaseId = caseId, Version = await VersionAsync(caseId), OpenedAt = at.UtcTicks, SubjectId = subjectId,
            Choice = knownPerson?.ToString() ?? PersonModel.NewPerson,
        }, at), "Linking a person");

    private Task<uint> VersionAsync(Guid caseId) =>
        QueryAsync(db => db.MashCases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

    private async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = actor.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
