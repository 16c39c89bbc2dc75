using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// Reads a threshold document from its JSON file (see Pages/Referrals/ReferenceData) and refuses one that
/// would mislead a referrer: a missing level, an indicator in an unknown sub-domain, a duplicated code.
/// </summary>
public static class ThresholdDocumentFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ThresholdDocument Parse(string json, DateTimeOffset loadedAt)
    {
        FileDocument file;
        try
        {
            file = JsonSerializer.Deserialize<FileDocument>(json, Options)
                ?? throw new InvalidDataException("The threshold document file is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException("The threshold document file is not valid JSON: " + exception.Message, exception);
        }

        var problems = Problems(file).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException("The threshold document file is not usable: " + string.Join("; ", problems));
        }

        return new ThresholdDocument
        {
            Key = file.Key!,
            Name = file.Name!,
            Version = file.Version,
            PublishedOn = file.PublishedOn,
            LoadedAt = loadedAt,
            Levels = [.. file.Levels!.OrderBy(l => l.Level).Select(l => new ThresholdLevelDescription
            {
                Level = l.Level,
                Name = l.Name!,
                Summary = l.Summary!,
                Description = l.Description!,
            })],
            SubDomains = [.. file.SubDomains!.Select((s, index) => new ThresholdSubDomain
            {
                Code = s.Code!,
                Domain = s.Domain,
                Name = s.Name!,
                Order = index,
            })],
            Indicators = [.. file.Indicators!.Select((i, index) => new ThresholdIndicator
            {
                Code = i.Code!,
                Level = i.Level,
                SubDomainCode = i.SubDomain!,
                Text = i.Text!,
                Order = index,
                Kind = i.Kind,
                Route = i.Route,
                Phrases = [.. (i.Phrases ?? []).Select(p => p.Trim())],
            })],
        };
    }

    /// <summary>
    /// What stops a document (a draft about to be published) from being usable: the same rules a shipped
    /// file must pass, so a document edited on screen can never be worse than one loaded from a file.
    /// </summary>
    public static IReadOnlyList<string> ProblemsOf(ThresholdDocument document) =>
        [.. Problems(new FileDocument(
            document.Key, document.Name, document.Version, document.PublishedOn,
            [.. document.Levels.Select(l => new FileLevel(l.Level, l.Name, l.Summary, l.Description))],
            [.. document.SubDomains.Select(s => new FileSubDomain(s.Code, s.Domain, s.Name))],
            [.. document.Indicators.Select(i =>
                new FileIndicator(i.Code, i.Level, i.SubDomainCode, i.Text, i.Kind, i.Route, i.Phrases))]))];

    private static IEnumerable<string> Problems(FileDocument file)
    {
        if (string.IsNullOrWhiteSpace(file.Key) || file.Key.Length > ThresholdDocument.KeyMaxLength)
        {
            yield return "key is missing or too long";
        }

        if (string.IsNullOrWhiteSpace(file.Name) || file.Name.Length > ThresholdDocument.NameMaxLength)
        {
            yield return "name is missing or too long";
        }

        if (file.Version < 1)
        {
            yield return "version must be 1 or more";
        }

        var levels = file.Levels ?? [];
        foreach (var level in Enum.GetValues<ThresholdLevel>())
        {
            var count = levels.Count(l => l.Level == level);
            if (count != 1)
            {
                yield return $"{level.Number()} is described {count} times (it must be described once)";
            }
        }

        if (levels.Any(l => !Enum.IsDefined(l.Level)))
        {
            yield return "a level is not 1, 2, 3 or 4";
        }

        foreach (var level in levels.Where(l => IsMissing(l.Name, ThresholdLevelDescription.NameMaxLength)
                     || IsMissing(l.Summary, ThresholdLevelDescription.SummaryMaxLength)
                     || IsMissing(l.Description, ThresholdLevelDescription.DescriptionMaxLength)))
        {
            yield return $"{level.Level.Number()} needs a name, summary and description within their length limits";
        }

        var subDomains = file.SubDomains ?? [];
        foreach (var duplicate in subDomains.GroupBy(s => s.Code).Where(g => g.Count() > 1))
        {
            yield return $"sub-domain {duplicate.Key} appears more than once";
        }

        foreach (var subDomain in subDomains.Where(s => IsMissing(s.Code, ThresholdSubDomain.CodeMaxLength)
                     || IsMissing(s.Name, ThresholdSubDomain.NameMaxLength) || !Enum.IsDefined(s.Domain)))
        {
            yield return $"sub-domain {subDomain.Code} needs a code, a name and one of the three domains";
        }

        foreach (var domain in Enum.GetValues<AssessmentDomain>().Where(d => subDomains.All(s => s.Domain != d)))
        {
            yield return $"no sub-domain for {domain.DisplayName()}";
        }

        var indicators = file.Indicators ?? [];
        foreach (var duplicate in indicators.GroupBy(i => i.Code).Where(g => g.Count() > 1))
        {
            yield return $"indicator {duplicate.Key} appears more than once";
        }

        foreach (var indicator in indicators)
        {
            if (IsMissing(indicator.Code, ThresholdIndicator.CodeMaxLength) || IsMissing(indicator.Text, ThresholdIndicator.TextMaxLength))
            {
                yield return $"indicator {indicator.Code} needs a code and text within their length limits";
            }

            if (!Enum.IsDefined(indicator.Kind) || indicator.Route?.Length > ThresholdIndicator.RouteMaxLength)
            {
                yield return $"indicator {indicator.Code} has an unknown kind or a route over " +
                    $"{ThresholdIndicator.RouteMaxLength} characters";
            }

            if (!Enum.IsDefined(indicator.Level))
            {
                yield return $"indicator {indicator.Code} has no level from 1 to 4";
            }

            if (subDomains.All(s => s.Code != indicator.SubDomain))
            {
                yield return $"indicator {indicator.Code} names an unknown sub-domain {indicator.SubDomain}";
            }

            if (PhraseProblem(indicator.Phrases ?? []) is { } phraseProblem)
            {
                yield return $"indicator {indicator.Code}: {phraseProblem}";
            }
        }

        foreach (var level in Enum.GetValues<ThresholdLevel>().Where(l => indicators.All(i => i.Level != l)))
        {
            yield return $"no indicator at {level.Number()}";
        }
    }

    /// <summary>Why an indicator's lexicon phrases cannot be used, or null: the rule the file and the admin editor share.</summary>
    public static string? PhraseProblem(IReadOnlyCollection<string> phrases)
    {
        if (phrases.Count > ThresholdLexicon.MaxPhrasesPerIndicator)
        {
            return $"more than {ThresholdLexicon.MaxPhrasesPerIndicator} phrases";
        }

        if (phrases.Any(p => IsMissing(p, ThresholdLexicon.PhraseMaxLength) || !p.Any(char.IsLetterOrDigit)))
        {
            return $"a phrase is empty, has no letters or is over {ThresholdLexicon.PhraseMaxLength} characters";
        }

        return phrases.GroupBy(p => p.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate
            ? $"the phrase \"{duplicate.Key}\" appears more than once"
            : null;
    }

    private static bool IsMissing(string? value, int maxLength) => string.IsNullOrWhiteSpace(value) || value.Length > maxLength;

    private sealed record FileDocument(
        string? Key, string? Name, int Version, DateOnly PublishedOn,
        List<FileLevel>? Levels, List<FileSubDomain>? SubDomains, List<FileIndicator>? Indicators);

    private sealed record FileLevel(ThresholdLevel Level, string? Name, string? Summary, string? Description);

    private sealed record FileSubDomain(string? Code, AssessmentDomain Domain, string? Name);

    private sealed record FileIndicator(string? Code, ThresholdLevel Level, string? SubDomain, string? Text,
        IndicatorKind Kind = IndicatorKind.General, string? Route = null, List<string>? Phrases = null);
}
