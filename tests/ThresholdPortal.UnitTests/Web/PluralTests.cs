using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Web;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 agencies")]
    [InlineData(1, "1 agency")]
    [InlineData(2, "2 agencies")]
    public void A_count_takes_the_noun_in_its_number(int count, string expected) =>
        Plural.Of(count, "agency", "agencies").ShouldBe(expected);
}
