using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Pages.Referrals;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>"My referrals" pages newest first through the referrer's own sent referrals and, where shared, colleagues'.</summary>
public sealed partial class SentListTests(PortalApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_list_pages_newest_first_through_own_and_shared_colleagues_referrals_and_never_anyone_elses()
    {
        var school = await App.CreateOrganisationAsync("Sharing School", OrganisationKind.School);
        var other = await App.CreateOrganisationAsync("Other School", OrganisationKind.School);
        await SharesAsync(school, true);
        var author = await App.SignedInReferrerAsync("author@school.test", school);
        var colleague = await App.CreateUserAsync("colleague@school.test", school, PortalRole.Referrer);
        var outsider = await App.CreateUserAsync("outsider@other.test", other, PortalRole.Referrer);
        var authorId = await App.ExecuteDbContextAsync(db => db.Users.Where(u => u.Email == "author@school.test").Select(u => u.Id)
            .SingleAsync());

        // 84 referrals an hour apart, sent in turn by the author, a colleague and someone at another school.
        var own = new List<string>();
        var shared = new List<string>();
        for (var i = 0; i < 84; i++)
        {
            var (by, from) = (i % 3) switch { 0 => (authorId, school), 1 => (colleague.Id, school), _ => (outsider.Id, other) };
            var reference = await SentAsync(by, from, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddHours(i));
            (i % 3 == 0 ? own : i % 3 == 1 ? shared : []).Add(reference);
        }

        var visible = own.Concat(shared).OrderByDescending(r => r, StringComparer.Ordinal).ToList();
        var first = await author.Client.GetStringAsync("/referrals");
        References(first).ShouldBe(visible.Take(IndexModel.PageSize).ToList());
        var older = OlderLink().Match(first).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        older.ShouldStartWith("/referrals?before=");
        var second = await author.Client.GetStringAsync(older);
        References(second).ShouldBe(visible.Skip(IndexModel.PageSize).ToList());
        OlderLink().IsMatch(second).ShouldBeFalse();

        await SharesAsync(school, false);
        References(await author.Client.GetStringAsync("/referrals"))
            .ShouldBe(own.OrderByDescending(r => r, StringComparer.Ordinal).ToList());
    }

    private static List<string> References(string page) =>
        [.. SentReference().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""href="/referrals/(NS-\d{4}-\d+)">""")]
    private static partial Regex SentReference();

    [GeneratedRegex("""href="(/referrals\?before=[^"]+)">Older""")]
    private static partial Regex OlderLink();

    private Task SharesAsync(Organisation organisation, bool shared) => App.ExecuteDbContextAsync(async db =>
    {
        (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).SharedReferralVisibility = shared;
        await db.SaveChangesAsync();
    });

    /// <summary>A sent referral written straight to the database, received at <paramref name="at"/>: the list reads nothing else.</summary>
    private Task<string> SentAsync(Guid by, Organisation from, DateTimeOffset at) => App.ExecuteDbContextAsync(async db =>
    {
        var referral = new Referral
        {
            IdempotencyKey = Guid.NewGuid(),
            ReferrerUserId = by,
            ReferringOrganisationId = from.Id,
            ReferralSourceCode = from.ReferralSource.Code,
            ThresholdDocumentId = (await db.CurrentDocumentIdAsync(CancellationToken.None))!.Value,
            CreatedAt = at,
            UpdatedAt = at,
            ChildInImmediateDanger = false,
        };
        referral.Children.Add(new ReferralChild { ReferralId = referral.Id, GivenName = "Test", FamilyName = "Child" });
        referral.ReceiveAsContact(await ReferenceNumbers.NextAsync(db, "NS", at, CancellationToken.None), at);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.Reference!;
    });
}
