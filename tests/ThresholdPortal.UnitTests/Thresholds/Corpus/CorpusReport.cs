using System.Globalization;
using System.Text;

namespace ThresholdPortal.UnitTests.Thresholds.Corpus;

/// <summary>The accuracy of one path over the whole corpus, and every miss with what the guidance said and why.</summary>
public sealed record CorpusReport(string Path, IReadOnlyList<VignetteOutcome> Outcomes)
{
    /// <summary>The share of vignettes whose level is in range and whose route is the expected one.</summary>
    public double Accuracy => Outcomes.Count == 0 ? 0 : (double)Outcomes.Count(o => o.Hit) / Outcomes.Count;

    public IReadOnlyList<VignetteOutcome> Misses => [.. Outcomes.Where(o => !o.Hit)];

    /// <summary>Level 4 vignettes the path did not put at level 4: each one is a child protection case suggested lower.</summary>
    public IReadOnlyList<VignetteOutcome> Level4Misses => [.. Outcomes.Where(o => o.Vignette.IsLevel4 && (int)o.Level != 4)];

    public override string ToString()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Vignette corpus, {Path} path: {Outcomes.Count(o => o.Hit)} of {Outcomes.Count} hit ({Accuracy:P1}).");
        text.AppendLine(culture,
            $"  level in range {Outcomes.Count(o => o.LevelInRange)}, route as expected {Outcomes.Count(o => o.RouteMatches)}, " +
            $"level 4 vignettes at level 4 {Outcomes.Count(o => o.Vignette.IsLevel4) - Level4Misses.Count} of " +
            $"{Outcomes.Count(o => o.Vignette.IsLevel4)}.");
        foreach (var group in Outcomes.GroupBy(o => o.Vignette.Expected.Min).OrderBy(g => g.Key))
        {
            text.AppendLine(culture, $"  expected from level {group.Key}: {group.Count(o => o.Hit)} of {group.Count()} hit.");
        }

        foreach (var miss in Misses)
        {
            var expected = miss.Vignette.Expected;
            text.AppendLine(culture,
                $"  MISS {miss.Vignette.Id} \"{miss.Vignette.Title}\": expected level {expected.Min}-{expected.Max} route " +
                $"{expected.Route ?? "none"}; suggested level {(int)miss.Level} route {miss.Route ?? "none"}.");
            text.AppendLine(culture, $"       why expected: {expected.Why}");
            foreach (var reason in miss.Reasons)
            {
                text.AppendLine(culture, $"       guidance: {reason}");
            }
        }

        return text.ToString();
    }
}
