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

    [Theory]
    [InlineData("POST", "application/x-www-form-urlencoded; charset=utf-8", 100L, true)]
    [InlineData("POST", "application/x-www-form-urlencoded", UrlEncodedFormNul.MaxCleanedBytes, true)]
    [InlineData("POST", "application/x-www-form-urlencoded", UrlEncodedFormNul.MaxCleanedBytes + 1, false)]
    [InlineData("POST", "application/x-www-form-urlencoded", null, false)]
    [InlineData("POST", "multipart/form-data; boundary=x", 100L, false)]
    [InlineData("GET", "application/x-www-form-urlencoded", 100L, false)]
    public void Only_a_browser_sized_url_encoded_post_is_copied_to_be_cleaned(string method, string contentType, long? length,
        bool cleaned) =>
        UrlEncodedFormNul.IsCleaned(method, contentType, length).ShouldBe(cleaned);
}
