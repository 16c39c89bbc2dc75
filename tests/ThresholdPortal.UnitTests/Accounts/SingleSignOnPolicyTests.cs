using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Security;

namespace ThresholdPortal.UnitTests.Accounts;

/// <summary>The CSP with staff single sign-on: the sign-in form may redirect to each provider, and only to them (ADR 0122).</summary>
public sealed class SingleSignOnPolicyTests
{
    [Fact]
    public void Each_providers_origin_and_nothing_else_is_added_to_form_action()
    {
        var options = new SingleSignOnOptions
        {
            Providers =
            [
                new() { Scheme = "Entra", Authority = "https://login.microsoftonline.com/tenant-id/v2.0" },
                new() { Scheme = "Again", Authority = "https://LOGIN.microsoftonline.com/other/v2.0" },
                new() { Scheme = "Local", Authority = "http://127.0.0.1:5199/" },
                new() { Scheme = "Broken", Authority = "not a url" },
            ],
        };

        var policy = SecurityHeaders.ContentSecurityPolicyWith(options.FormActionOrigins());

        options.FormActionOrigins().ShouldBe(["https://login.microsoftonline.com", "http://127.0.0.1:5199"]);
        policy.ShouldContain("form-action 'self' https://login.microsoftonline.com http://127.0.0.1:5199;");
        policy.Replace(" https://login.microsoftonline.com http://127.0.0.1:5199", "", StringComparison.Ordinal)
            .ShouldBe(SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public void Without_providers_the_policy_is_the_plain_one() =>
        SecurityHeaders.ContentSecurityPolicyWith(new SingleSignOnOptions().FormActionOrigins())
            .ShouldBe(SecurityHeaders.ContentSecurityPolicy);
}
