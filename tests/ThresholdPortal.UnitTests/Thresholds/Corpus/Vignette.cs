using System.Reflection;
using System.Text.Json;

namespace ThresholdPortal.UnitTests.Thresholds.Corpus;

/// <summary>
/// One invented referral from vignettes.json: what the referrer wrote, the children, what a careful referrer would tick,
/// and the level range and route the author expected before the guidance was ever run on it (docs/guidance-corpus.md).
/// </summary>
public sealed record Vignette(string Id, string Title, string Text, IReadOnlyList<VignetteChild> Children,
    IReadOnlyList<string> Categories, VignetteScreening Screening, VignetteExpectation Expected)
{
    /// <summary>A vignette the author said is child protection whatever else: both paths must reach level 4.</summary>
    public bool IsLevel4 => Expected.Min == 4;
}

/// <summary>A child in a vignette. An unborn baby has no age; the corpus runs it as 0 months.</summary>
public sealed record VignetteChild(string Name, int? AgeInMonths, bool Unborn, bool Disabled, IReadOnlyList<string> Indicators);

public sealed record VignetteScreening(bool ImmediateDanger, bool FgmKnownOrSuspected);

/// <summary>The author's expectation: a level range (inclusive), the route the document should name (null: none), and why.</summary>
public sealed record VignetteExpectation(int Min, int Max, string? Route, string Why);

public static class VignetteCorpus
{
    public const string Resource = "Corpus/vignettes.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<IReadOnlyList<Vignette>> Loaded = new(Read);

    public static IReadOnlyList<Vignette> All => Loaded.Value;

    private static IReadOnlyList<Vignette> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The corpus {Resource} is not embedded in the test assembly.");
        return JsonSerializer.Deserialize<List<Vignette>>(stream, Options)
            ?? throw new InvalidOperationException($"The corpus {Resource} is empty.");
    }
}
