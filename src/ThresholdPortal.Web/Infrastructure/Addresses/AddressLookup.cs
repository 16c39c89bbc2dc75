using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ThresholdPortal.Web.Infrastructure.Addresses;

/// <summary>One address a lookup found: its UPRN and the lines the portal's address fields take.</summary>
public sealed record FoundAddress(string Uprn, string Line1, string? Line2, string Town, string Postcode)
{
    public string Label => string.Join(", ", new[] { Line1, Line2, Town, Postcode }.Where(p => !string.IsNullOrEmpty(p)));
}

/// <summary>What a lookup answered: the addresses, or that the service could not be reached (the form then works by hand).</summary>
public sealed record AddressLookupResult(IReadOnlyList<FoundAddress> Addresses, bool Unavailable = false);

/// <summary>Finds the addresses at a postcode (issue 17, item 3; docs/decisions/0127). Off unless configured.</summary>
public interface IAddressLookup
{
    bool IsEnabled { get; }

    Task<AddressLookupResult> FindAsync(string postcode, CancellationToken cancellationToken);
}

/// <summary>The lookup when none is configured: the address is typed, as before.</summary>
public sealed class NoAddressLookup : IAddressLookup
{
    public bool IsEnabled => false;

    public Task<AddressLookupResult> FindAsync(string postcode, CancellationToken cancellationToken) =>
        Task.FromResult(new AddressLookupResult([], Unavailable: true));
}

/// <summary>
/// Ordnance Survey's OS Places API, postcode search (<c>GET /search/places/v1/postcode?postcode=...&amp;key=...</c>): each
/// result's <c>DPA</c> (Royal Mail delivery point) becomes a <see cref="FoundAddress"/>. A postcode OS does not know answers
/// 400 or no <c>results</c>; either is "none found". Anything else (timeout, 5xx, 401) is "unavailable" and logged by kind only.
/// </summary>
public sealed partial class OsPlacesAddressLookup(
    HttpClient http, IOptions<AddressLookupOptions> options, ILogger<OsPlacesAddressLookup> logger) : IAddressLookup
{
    public bool IsEnabled => true;

    public async Task<AddressLookupResult> FindAsync(string postcode, CancellationToken cancellationToken)
    {
        var key = Uri.EscapeDataString(options.Value.Key ?? string.Empty);
        var address = $"search/places/v1/postcode?postcode={Uri.EscapeDataString(postcode)}&key={key}&dataset=DPA&maxresults=100";
        try
        {
            using var response = await http.GetAsync(address, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                return new AddressLookupResult([]);
            }

            if (!response.IsSuccessStatusCode)
            {
                LogUnavailable(logger, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                return new AddressLookupResult([], Unavailable: true);
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken),
                cancellationToken: cancellationToken);
            return new AddressLookupResult(Parse(json.RootElement));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException
            && !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, exception.GetType().Name);
            return new AddressLookupResult([], Unavailable: true);
        }
    }

    /// <summary>The delivery points in OS Places' answer, as address lines, in the order OS gives them.</summary>
    public static IReadOnlyList<FoundAddress> Parse(JsonElement root)
    {
        if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var found = new List<FoundAddress>();
        foreach (var result in results.EnumerateArray())
        {
            if (!result.TryGetProperty("DPA", out var dpa) || Text(dpa, "UPRN") is not { } uprn
                || Text(dpa, "POSTCODE") is not { } postcode)
            {
                continue;
            }

            var thoroughfare = Text(dpa, "DEPENDENT_THOROUGHFARE_NAME") ?? Text(dpa, "THOROUGHFARE_NAME");
            var street = Join(" ", Text(dpa, "BUILDING_NUMBER"), thoroughfare);
            var premises = Join(", ", Text(dpa, "SUB_BUILDING_NAME"), Text(dpa, "BUILDING_NAME"), Text(dpa, "ORGANISATION_NAME"));
            var (line1, line2) = premises is null ? (street, Text(dpa, "DEPENDENT_LOCALITY")) : (premises, street);
            found.Add(new FoundAddress(uprn, Title(line1 ?? postcode)!, Title(line2), Title(Text(dpa, "POST_TOWN")) ?? string.Empty,
                postcode));
        }

        return found;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            && value.ToString() is { Length: > 0 } text ? text.Trim() : null;

    private static string? Join(string separator, params string?[] parts) =>
        parts.Where(p => p is not null).ToList() is { Count: > 0 } present ? string.Join(separator, present) : null;

    // OS gives capitals ("10 DOWNING STREET"); the form shows them as people write them.
    private static string? Title(string? text) =>
        text is null ? null : CultureInfo.GetCultureInfo("en-GB").TextInfo.ToTitleCase(text.ToLowerInvariant());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Address lookup unavailable ({Reason}); the address is typed by hand")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}

/// <summary>The address lookup's settings (<c>AddressLookup</c>): off by default; on, it calls OS Places with the council's key.</summary>
public sealed class AddressLookupOptions
{
    public const string Section = "AddressLookup";

    public bool Enabled { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.os.uk/");

    public string? Key { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public static IServiceCollection Add(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        services.AddOptions<AddressLookupOptions>().Bind(section)
            .Validate(o => !o.Enabled || (!string.IsNullOrWhiteSpace(o.Key) && o.Timeout > TimeSpan.Zero),
                "AddressLookup:Enabled needs AddressLookup:Key (the OS Places API key) and a positive Timeout.")
            .ValidateOnStart();
        if (section.GetValue<bool>(nameof(Enabled)))
        {
            services.AddHttpClient<IAddressLookup, OsPlacesAddressLookup>((sp, http) =>
            {
                var settings = sp.GetRequiredService<IOptions<AddressLookupOptions>>().Value;
                http.BaseAddress = new Uri(settings.BaseUrl.AbsoluteUri.TrimEnd('/') + "/");
                http.Timeout = settings.Timeout;
            });
        }
        else
        {
            services.AddSingleton<IAddressLookup, NoAddressLookup>();
        }

        return services;
    }
}
