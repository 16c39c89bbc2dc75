using System.Net;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.TestSupport;
using ThresholdPortal.Web.Features.Administration;

namespace ThresholdPortal.IntegrationTests.Pages.Admin;

/// <summary>Discarding an unpublished draft: asked first, audited, and never possible for a published version.</summary>
public sealed partial class ThresholdDocumentTests
{
    [Fact]
    public async Task A_draft_is_discarded_after_a_confirmation_page_and_the_published_version_is_untouched()
    {
        var (admin, administrator, _) = await App.SignInAsAdministratorAsync();
        var published = await PublishedAsync();
        var draftId = await CreateDraftAsync(admin);

        var confirmation = await admin.GetStringAsync($"{Base}/discard/{draftId}");
        confirmation.ShouldContain("Are you sure you want to discard the draft of version");
        (await admin.GetStringAsync($"{Base}/version/{draftId}")).ShouldContain($"{Base}/discard/{draftId}");

        var response = await Forms.PostAsync(admin, $"{Base}/discard/{draftId}", new());

        response.Headers.Location!.ToString().ShouldBe(Base);
        var documents = await App.ExecuteDbContextAsync(db => db.ThresholdDocuments.AsNoTracking().AsSplitQuery().ToListAsync());
        documents.ShouldNotContain(d => d.Id == draftId);
        documents.Single(d => d.Status == ThresholdDocumentStatus.Published).Id.ShouldBe(published.Id);
        var audit = (await App.AuditAsync()).Where(e => e.Action == ConfigurationEvents.ThresholdDraftDiscarded).ShouldHaveSingleItem();
        audit.UserId.ShouldBe(administrator.Id);
        audit.Detail.ShouldBe($"{published.Name} version {published.Version + 1} draft discarded");
    }

    [Fact]
    public async Task A_published_version_cannot_be_discarded()
    {
        var (admin, _, _) = await App.SignInAsAdministratorAsync();
        var published = await PublishedAsync();

        (await admin.GetAsync($"{Base}/discard/{published.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var response = await Forms.PostAsync(admin, $"{Base}/discard/{published.Id}", [], tokenFrom: Base);

        response.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await PublishedAsync()).Id.ShouldBe(published.Id);
        (await App.AuditAsync()).ShouldNotContain(e => e.Action == ConfigurationEvents.ThresholdDraftDiscarded);
    }
}
