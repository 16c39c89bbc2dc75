using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Web;

public sealed class KebabCaseRouteConventionTests
{
    [Theory]
    [InlineData("SignIn", "sign-in")]
    [InlineData("Account", "account")]
    [InlineData("CheckYourAnswers", "check-your-answers")]
    [InlineData("{reference}", "{reference}")]
    [InlineData("{id:guid}", "{id:guid}")]
    public void Page_names_become_govuk_style_addresses(string segment, string expected)
    {
        KebabCaseRouteConvention.ToKebabCase(segment).ShouldBe(expected);
    }
}
