namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// One published version of a local threshold document (the "continuum of need"): its levels, the
/// sub-domains of the assessment triangle and the indicators of need at each level. A version never
/// changes once loaded; an edit is a new version, so every referral keeps the wording it was judged against.
/// </summary>
public class ThresholdDocument
{
    public const int KeyMaxLength = 50;
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Which document this is a version of, for example "northshire".</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }
    public int Version { get; init; }
    public DateOnly PublishedOn { get; init; }
    public DateTimeOffset LoadedAt { get; init; }

    public List<ThresholdLevelDescription> Levels { get; init; } = [];
    public List<ThresholdSubDomain> SubDomains { get; init; } = [];
    public List<ThresholdIndicator> Indicators { get; init; } = [];

    public ThresholdLevelDescription Describe(ThresholdLevel level) =>
        Levels.FirstOrDefault(l => l.Level == level)
        ?? throw new InvalidOperationException($"{Name} v{Version} does not describe {level.Number()}.");

    /// <summary>"Level 3: Targeted support" in this document's own words.</summary>
    public string TitleOf(ThresholdLevel level) => $"{level.Number()}: {Describe(level).Name}";

    public ThresholdIndicator? FindIndicator(string code) =>
        Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    public ThresholdSubDomain SubDomainOf(ThresholdIndicator indicator) =>
        SubDomains.FirstOrDefault(s => s.Code == indicator.SubDomainCode)
        ?? throw new InvalidOperationException($"Indicator {indicator.Code} names an unknown sub-domain {indicator.SubDomainCode}.");

    public AssessmentDomain DomainOf(ThresholdIndicator indicator) => SubDomainOf(indicator).Domain;
}

/// <summary>The local name and description of one level.</summary>
public class ThresholdLevelDescription
{
    public const int NameMaxLength = 100;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 2000;

    public ThresholdLevel Level { get; init; }
    public required string Name { get; init; }

    /// <summary>One sentence: who helps at this level.</summary>
    public required string Summary { get; init; }

    public required string Description { get; init; }
}

/// <summary>A part of one side of the assessment triangle, for example "Health" or "Basic care and safety".</summary>
public class ThresholdSubDomain
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 100;

    public required string Code { get; init; }
    public AssessmentDomain Domain { get; init; }
    public required string Name { get; init; }
    public int Order { get; init; }
}

/// <summary>A sign of need written in plain language, belonging to one level and one sub-domain.</summary>
public class ThresholdIndicator
{
    public const int CodeMaxLength = 50;
    public const int TextMaxLength = 500;

    /// <summary>Stable within the document (for example "health-4a"); referrals store these codes.</summary>
    public required string Code { get; init; }

    public ThresholdLevel Level { get; init; }
    public required string SubDomainCode { get; init; }
    public required string Text { get; init; }
    public int Order { get; init; }
}
