using ThresholdPortal.Domain.Identifiers;

namespace ThresholdPortal.UnitTests.Identifiers;

public sealed class UpnTests
{
    [Theory]
    [InlineData("B801200005001")] // python-stdnum's published example
    [InlineData("b801200005001")]
    [InlineData("B 801 2000 05 001")]
    [InlineData("P207000016049")] // the widely copied Q207000016049, with the letter its sum gives
    [InlineData("J938611200123")]
    [InlineData("B201234510002")]
    public void A_upn_with_the_right_check_letter_is_valid(string input)
    {
        Upn.Check(input, out var upn).ShouldBeNull();
        upn.Length.ShouldBe(13);
        Upn.IsTemporary(upn).ShouldBeFalse();
    }

    [Theory]
    [InlineData("N80120000500T")] // 80 + 16 x 13 = 288, 288 mod 23 = 12: N
    [InlineData("M30412345001A")]
    public void A_temporary_upn_ends_in_a_letter_that_counts_in_the_check(string input)
    {
        Upn.Check(input, out var upn).ShouldBeNull();
        Upn.IsTemporary(upn).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Q207000016049")]
    [InlineData("A801200005001")]
    [InlineData("B801200005002")]
    [InlineData("P80120000500T")]
    public void A_wrong_check_letter_is_not_valid(string input)
    {
        Upn.Check(input, out _).ShouldBe(Upn.NotValid);
    }

    [Theory]
    [InlineData("B80120000500")] // 12 characters
    [InlineData("I801200005001")] // I is not in the alphabet
    [InlineData("1801200005001")]
    [InlineData("B8012000050A1")] // a letter among the digits
    [InlineData("B80120000500S")] // S is never a temporary letter
    public void Anything_not_shaped_like_a_upn_asks_for_thirteen_characters(string input)
    {
        Upn.Check(input, out _).ShouldBe(Upn.NotThirteenCharacters);
    }
}
