using System.Text;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Web;

public sealed class UrlEncodedFormNulTests
{
    [Theory]
    [InlineData("Data.Name=Jay%00den&Data.Town=Leeds", "Data.Name=Jayden&Data.Town=Leeds")]
    [InlineData("a=%00%00%00", "a=")]
    [InlineData("a=%%00b", "a=%b")]
    public void Encoded_nuls_are_dropped_and_the_rest_kept(string body, string kept)
    {
        Encoding.ASCII.GetString(UrlEncodedFormNul.WithoutNul(Encoding.ASCII.GetBytes(body)).ShouldNotBeNull()).ShouldBe(kept);
    }

    [Fact]
    public void A_raw_zero_byte_is_dropped()
    {
        UrlEncodedFormNul.WithoutNul([(byte)'a', (byte)'=', 0, (byte)'b']).ShouldBe("a=b"u8.ToArray());
    }

    [Theory]
    [InlineData("a=100%25&b=%2500")]
    [InlineData("a=%0A%09&b=%E2%80%AE")]
    [InlineData("")]
    public void A_form_without_a_nul_is_left_alone(string body)
    {
        UrlEncodedFormNul.WithoutNul(Encoding.ASCII.GetBytes(body)).ShouldBeNull();
    }
}
