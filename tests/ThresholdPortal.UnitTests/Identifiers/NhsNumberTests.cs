using ThresholdPortal.Domain.Identifiers;

namespace ThresholdPortal.UnitTests.Identifiers;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", "9434765919")] // the NHS Data Dictionary's worked example
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData("4010232137", "4010232137")]
    [InlineData("9434765870", "9434765870")] // remainder 0: check digit 0
    [InlineData("4505577104", "4505577104")]
    public void A_valid_number_is_normalised_to_its_ten_digits(string input, string digits)
    {
        NhsNumber.Check(input, out var normalised).ShouldBeNull();
        normalised.ShouldBe(digits);
        NhsNumber.Normalise(input).ShouldBe(digits);
    }

    [Theory]
    [InlineData("9434765918")] // last digit slipped
    [InlineData("9434765991")] // two digits swapped
    [InlineData("6541234567")]
    public void A_wrong_check_digit_is_not_valid(string input)
    {
        NhsNumber.Check(input, out _).ShouldBe(NhsNumber.NotValid);
    }

    [Fact]
    public void A_number_whose_check_would_be_ten_is_never_valid()
    {
        // 123456789: 10+18+24+28+30+30+28+24+18 = 210, 210 mod 11 = 1, 11 - 1 = 10.
        NhsNumber.CheckDigit("123456789").ShouldBeNull();
        NhsNumber.IsValid("1234567890").ShouldBeFalse();
    }

    [Theory]
    [InlineData("0000000000")]
    [InlineData("3333333333")]
    public void Ten_identical_digits_are_refused_though_they_pass_the_check(string input)
    {
        NhsNumber.CheckDigit(input[..9]).ShouldBe(input[9] - '0');
        NhsNumber.Check(input, out _).ShouldBe(NhsNumber.NotValid);
    }

    [Theory]
    [InlineData("943476591")]
    [InlineData("94347659190")]
    [InlineData("943 476 591A")]
    [InlineData("943.476.5919")]
    [InlineData("")]
    public void Anything_but_ten_digits_asks_for_ten_digits(string input)
    {
        NhsNumber.Check(input, out _).ShouldBe(NhsNumber.NotTenDigits);
    }

    [Fact]
    public void It_is_shown_in_the_nhs_grouping()
    {
        NhsNumber.Display("9434765919").ShouldBe("943 476 5919");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(765432)]
    [InlineData(123456)] // 999123456 has no check digit, so the next serial is used
    [InlineData(-5)]
    public void Numbers_for_demo_data_are_valid_and_in_the_nhs_test_range(int serial)
    {
        var number = NhsNumber.InTestRange(serial);

        number.ShouldStartWith("999");
        NhsNumber.IsValid(number).ShouldBeTrue();
    }

    [Fact]
    public void The_typical_ethnicity_mix_uses_census_codes_and_adds_up_to_one()
    {
        CensusCodes.TypicalEthnicityMix.ShouldAllBe(e => CensusCodes.IsEthnicity(e.Code));
        CensusCodes.TypicalEthnicityMix.Sum(e => e.Share).ShouldBe(1f, 0.001f);
    }
}
