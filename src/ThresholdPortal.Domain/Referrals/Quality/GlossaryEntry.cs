using System.Text.RegularExpressions;

namespace ThresholdPortal.Domain.Referrals.Quality;

/// <summary>
/// A glossary term as the MASH keeps it: the quality checks read the stored entries as a
/// <see cref="Glossary"/>. Seeded from <see cref="Glossary.Default"/>.
/// </summary>
public partial class GlossaryEntry
{
    public const int TermMaxLength = 20;
    public const int MeaningMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Term { get; set; }
    public required string Meaning { get; set; }

    /// <summary>Every reader knows it (GP, NHS): never flagged.</summary>
    public bool WidelyUnderstood { get; set; }

    public GlossaryTerm ToTerm() => new(Term, Meaning, WidelyUnderstood);

    /// <summary>
    /// One word as the quality checks read words: letters, digits and "&amp;" (A&amp;E), starting with a
    /// letter. Anything else (a space, a dot) could never match a word in a referral.
    /// </summary>
    public static bool IsWellFormedTerm(string? term) => term is not null && WellFormed().IsMatch(term);

    public static Glossary ToGlossary(IEnumerable<GlossaryEntry> entries) => new(entries.Select(e => e.ToTerm()));

    [GeneratedRegex(@"^\p{L}[\p{L}\p{N}&]*$")]
    private static partial Regex WellFormed();
}
