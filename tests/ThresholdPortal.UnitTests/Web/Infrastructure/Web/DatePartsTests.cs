using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Web;

public sealed class DatePartsTests
{
    [Fact]
    public void A_real_date_is_read()
    {
        new DateParts { Day = "29", Month = "2", Year = "2024" }.ToDate().ShouldBe(new DateOnly(2024, 2, 29));
    }

    [Theory]
    [InlineData("30", "2", "2024")]
    [InlineData("29", "2", "2023")]
    [InlineData("1", "13", "2024")]
    [InlineData("x", "1", "2024")]
    [InlineData("1", "1", "24x")]
    [InlineData("-1", "1", "2024")]
    [InlineData("1", "1", "1850")]
    public void An_impossible_date_is_not_a_date(string day, string month, string year)
    {
        new DateParts { Day = day, Month = month, Year = year }.ToDate().ShouldBeNull();
    }

    [Fact]
    public void Partly_filled_date_is_neither_empty_nor_complete()
    {
        var date = new DateParts { Day = "1" };
        date.IsEmpty.ShouldBeFalse();
        date.IsComplete.ShouldBeFalse();
        date.ToDate().ShouldBeNull();
    }

    [Fact]
    public void A_date_round_trips()
    {
        DateParts.From(new DateOnly(2019, 7, 4)).ToDate().ShouldBe(new DateOnly(2019, 7, 4));
    }
}
