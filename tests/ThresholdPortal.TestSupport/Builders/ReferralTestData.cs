using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;

namespace ThresholdPortal.TestSupport.Builders;

public static class ReferralTestData
{
    /// <summary>A school with one referrer, signed in, ready to start a referral.</summary>
    public static async Task<ReferralJourney> SignedInReferrerAsync(this PortalApp app, string email = "teacher@school.test",
        Organisation? organisation = null)
    {
        organisation ??= await app.CreateOrganisationAsync("Riverside School " + Guid.NewGuid().ToString("N")[..6],
            OrganisationKind.School);
        await app.CreateUserAsync(email, organisation, PortalRole.Referrer);
        return new ReferralJourney(await app.SignInAsync(email));
    }
}
