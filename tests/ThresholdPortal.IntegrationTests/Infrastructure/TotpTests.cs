using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Infrastructure;

/// <summary>The tests' own authenticator must agree with RFC 6238, or the two-factor tests prove nothing.</summary>
public sealed class TotpTests
{
    // RFC 6238 appendix B: the SHA-1 secret "12345678901234567890"; its 8-digit codes end in these 6 digits.
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, string expected)
    {
        var secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base 32 of "12345678901234567890"

        Totp.Code(secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)).ShouldBe(expected);
    }

    [Fact]
    public void The_setup_key_is_read_as_an_app_reads_it()
    {
        Totp.Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").ShouldBe("12345678901234567890"u8.ToArray());
    }
}
