using ThresholdPortal.Web.Pages.Account;

namespace ThresholdPortal.UnitTests.Web.Pages.Account;

public sealed class TextNumberTests
{
    [Theory]
    [InlineData("07700 900982", "+447700900982")]
    [InlineData("07700-900-982", "+447700900982")]
    [InlineData("+44 7700 900982", "+447700900982")]
    [InlineData("0044 (7700) 900982", "+447700900982")]
    public void A_uk_mobile_number_as_people_type_it_is_kept_as_notify_takes_it(string typed, string stored)
    {
        TextNumber.Normalise(typed).ShouldBe(stored);
        TextNumber.Display(stored).ShouldBe("07700 900982");
    }

    [Theory]
    [InlineData("01632 960000")]
    [InlineData("07700 90098")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("07700 9009a2")]
    [InlineData("")]
    public void Landlines_short_foreign_or_mistyped_numbers_are_refused(string typed) =>
        TextNumber.Normalise(typed).ShouldBeNull();
}
