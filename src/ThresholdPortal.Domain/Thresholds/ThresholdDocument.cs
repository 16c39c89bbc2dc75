namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// One version of a local threshold document (the "continuum of need"): its levels, the sub-domains of the
/// assessment triangle and the indicators of need at each level. Only a draft is edited; a published
/// version never changes, so every referral keeps the wording it was judged against (docs/decisions/0050).
/// </summary>
public class ThresholdDocument
{
    public const int KeyMaxLength = 50;
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Which document this is a version of, for example "northshire".</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }
    public int Version { get; init; }

    /// <summary>The date it was published; for a draft, the date it was created.</summary>
    public DateOnly PublishedOn { get; set; }

    public ThresholdDocumentStatus Status { get; set; } = ThresholdDocumentStatus.Published;
    public DateTimeOffset LoadedAt { get; init; }

    public List<ThresholdLevelDescription> Levels { get; init; } = [];
    public List<ThresholdSubDomain> SubDomains { get; init; } = [];
    public List<ThresholdIndicator> Indicators { get; init; } = [];

    /// <summary>
    /// The phrases that suggest indicators from a referrer's own words: each indicator's <see cref="ThresholdIndicator.Phrases"/>,
    /// so the lexicon is versioned, copied to a draft and published with the document (docs/decisions/0121).
    /// </summary>
    public ThresholdLexicon Lexicon =>
        new([.. Indicators.Where(i => i.Phrases.Count > 0).Select(i => new LexiconEntry(i.Code, i.Phrases))]);

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

    /// <summary>A draft of the next version: a copy of this one's levels, sub-domains and indicators.</summary>
    public ThresholdDocument NewDraft(int version, DateTimeOffset createdAt) => new()
    {
        Key = Key,
        Name = Name,
        Version = version,
        PublishedOn = DateOnly.FromDateTime(createdAt.UtcDateTime),
        LoadedAt = createdAt,
        Status = ThresholdDocumentStatus.Draft,
        Levels = [.. Levels.Select(l =>
            new ThresholdLevelDescription { Level = l.Level, Name = l.Name, Summary = l.Summary, Description = l.Description })],
        SubDomains = [.. SubDomains.Select(s =>
            new ThresholdSubDomain { Code = s.Code, Domain = s.Domain, Name = s.Name, Order = s.Order })],
        Indicators = [.. Indicators.Select(i =>
            new ThresholdIndicator
            {
                Code = i.Code, Level = i.Level, SubDomainCode = i.SubDomainCode, Text = i.Text, Order = i.Order,
                Kind = i.Kind, Route = i.Route, Phrases = [.. i.Phrases],
            })],
    };
}

/// <summary>
/// Where a version is in its life: a draft is edited by an administrator; publishing makes it the version
/// new referrals use and retires the one before; published and retired versions never change.
/// </summary>
public enum ThresholdDocumentStatus
{
    Draft = 1,
    Published,
    Retired,
}

/// <summary>The local name and description of one level.</summary>
public class ThresholdLevelDescription
{
    public const int NameMaxLength = 100;
    public const int SummaryMaxLength = 300;
    public const int DescriptionMaxLength = 2000;

    public ThresholdLevel Level { get; init; }
    public required string Name { get; set; }

    /// <summary>One sentence: who helps at this level.</summary>
    public required string Summary { get; set; }

    public required string Description { get; set; }
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
    public const int RouteMaxLength = 200;

    /// <summary>Stable within the document (for example "health-4a"); referrals store these codes.</summary>
    public required string Code { get; init; }

    public ThresholdLevel Level { get; set; }
    public required string SubDomainCode { get; set; }
    public required string Text { get; set; }
    public int Order { get; init; }

    public IndicatorKind Kind { get; set; }

    /// <summary>
    /// The service the document sends this need to (for example "the disabled children's team"), named beside
    /// the level in the suggestion; null where the level alone says where to go.
    /// </summary>
    public string? Route { get; set; }

    /// <summary>
    /// Words a referrer might write that suggest this indicator: a phrase and its synonyms, matched on word stems, never
    /// where a negation such as "no" comes just before (<see cref="IndicatorSuggestions"/>). Empty: never suggested.
    /// </summary>
    public List<string> Phrases { get; set; } = [];
}
