using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.IntegrationTests.Infrastructure;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

public sealed class SubmitTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_complete_referral_is_sent_with_a_reference_receipt_time_and_an_audit_event()
    {
        var journey = await App.SignedInReferrerAsync();
        await journey.CompleteAsync();

        var reference = await journey.SubmitForReferenceAsync();

        ReferralReference.IsWellFormed(reference).ShouldBeTrue();
        reference.ShouldStartWith($"NS-{DateTime.UtcNow.Year}-");
        var referral = await App.ExecuteDbContextAsync(db => db.Referrals.Include(r => r.Children).SingleAsync());
        referral.Status.ShouldBe(ReferralStatus.Submitted);
        referral.Reference.ShouldBe(reference);
        referral.SubmittedAt.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        referral.ReferralSourceCode.ShouldBe("2A");
        referral.SuggestedLevel.ShouldBe(ThresholdLevel.Targeted);
        referral.ChosenLevel.ShouldBe(ThresholdLevel.Targeted);
        referral.Kind.ShouldBe(ReferralKind.MashReferral);
        referral.Children.Count.ShouldBe(2);
        var audit = await App.ExecuteDbContextAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "referral.submitted"));
        audit.SubjectId.ShouldBe(referral.Id.ToString());
        audit.Detail!.ShouldContain(reference);

        var confirmation = await journey.Client.GetStringAsync($"/referrals/{reference}/confirmation");
        confirmation.ShouldContain("govuk-panel--confirmation");
        confirmation.ShouldContain(reference);
    }
}
