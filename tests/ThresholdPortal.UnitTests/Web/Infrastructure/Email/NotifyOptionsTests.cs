using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ThresholdPortal.Web.Infrastructure.Email;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Email;

public sealed class NotifyOptionsTests
{
    private const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    private const string Secret = "3d844edf-8d35-48ac-975b-e847b4f122b0";

    [Fact]
    public void A_key_splits_into_its_service_id_and_secret_whatever_its_name_holds()
    {
        NotifyKey.Parse($"my-key-with-dashes-{ServiceId}-{Secret}").ShouldBe(new NotifyKey(ServiceId, Secret));
        NotifyKey.Parse($"{ServiceId}-{Secret}").ShouldBe(new NotifyKey(ServiceId, Secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-key")]
    [InlineData("name-26785a09-ab16-4eb0-8407-a37497a57506_3d844edf-8d35-48ac-975b-e847b4f122b0")]
    [InlineData("name-not-a-guid-at-all-not-a-guid-at-a-3d844edf-8d35-48ac-975b-e847b4f122b0")]
    public void Anything_else_is_not_a_key(string apiKey) => NotifyKey.Parse(apiKey).ShouldBeNull();

    [Fact]
    public void The_token_is_hs256_signed_with_the_secret_issued_by_the_service_at_the_given_time()
    {
        var now = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

        var parts = NotifyClient.Token(new NotifyKey(ServiceId, Secret), now).Split('.');

        parts.Length.ShouldBe(3);
        using var header = JsonDocument.Parse(FromBase64Url(parts[0]));
        header.RootElement.GetProperty("alg").GetString().ShouldBe("HS256");
        using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
        claims.RootElement.GetProperty("iss").GetString().ShouldBe(ServiceId);
        claims.RootElement.GetProperty("iat").GetInt64().ShouldBe(now.ToUnixTimeSeconds());
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        FromBase64Url(parts[2]).ShouldBe(expected);
    }

    [Fact]
    public void Notify_mode_needs_a_key_and_a_template_id_for_every_message_kind()
    {
        var options = new EmailOptions
        {
            Mode = EmailDeliveryMode.Notify,
            FromAddress = "portal@northshire.test",
            PublicBaseUrl = new Uri("https://portal.northshire.test"),
            Notify = new NotifyOptions
            {
                ApiKey = "nonsense",
                Templates = new() { [EmailTemplate.PasswordReset.Name] = Guid.NewGuid() },
            },
        };

        var result = new EmailOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldContain(f => f.StartsWith("Email:Notify:ApiKey", StringComparison.Ordinal));
        result.Failures.ShouldContain(f => f.Contains(EmailTemplate.FeedbackReady.Name, StringComparison.Ordinal)
            && !f.Contains(EmailTemplate.PasswordReset.Name, StringComparison.Ordinal));

        options.Notify.ApiKey = $"portal-{ServiceId}-{Secret}";
        options.Notify.Templates = EmailTemplate.All.ToDictionary(t => t.Name, _ => Guid.NewGuid());
        new EmailOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
