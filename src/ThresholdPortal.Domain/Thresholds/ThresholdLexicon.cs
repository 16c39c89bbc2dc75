namespace ThresholdPortal.Domain.Thresholds;

/// <summary>
/// The phrases that suggest each indicator of one document version, matched against a referrer's own words.
/// Each entry lists a phrase and its synonyms; a negation cue shortly before a phrase cancels it, so
/// "no bruising" never suggests the bruising indicator.
/// </summary>
public sealed class ThresholdLexicon
{
    public const int PhraseMaxLength = 100;

    /// <summary>Enough for a phrase and its synonyms; more is a sign the indicator should be split.</summary>
    public const int MaxPhrasesPerIndicator = 40;

    /// <summary>Words that, within <see cref="NegationWindow"/> words before a phrase in the same sentence, cancel it.</summary>
    public static readonly IReadOnlySet<string> NegationCues =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "no", "not", "denies", "deny", "denied", "without", "never", "nor", "none", "nobody", "nothing", "neither",
        };

    /// <summary>Four words: enough for "no drug use or domestic abuse" and "nobody has seen any injury".</summary>
    public const int NegationWindow = 4;

    public static ThresholdLexicon Empty { get; } = new([]);

    public ThresholdLexicon(IReadOnlyList<LexiconEntry> entries) => Entries = entries;

    public IReadOnlyList<LexiconEntry> Entries { get; }
}

/// <summary>The phrases (a phrase and its synonyms) that suggest one indicator.</summary>
public sealed record LexiconEntry(string IndicatorCode, IReadOnlyList<string> Phrases);
