namespace ThresholdPortal.Domain.Matching;

/// <summary>
/// How a person's two names make one: as written for display, and normalised for the trigram index (the same way
/// <see cref="Trigrams"/> compares them).
/// </summary>
public static class PersonName
{
    /// <summary>"Zoë O'Neil" stays "Zoë O'Neil": names are shown as written; a missing name leaves no stray space.</summary>
    public static string AsWritten(string? givenName, string? familyName) => $"{givenName} {familyName}".Trim();

    /// <summary>"Zoë O'Neil" becomes "zoe o neil": lower case, no accents, words separated by one space.</summary>
    public static string SearchKey(string? givenName, string? familyName) =>
        Trigrams.Normalise($"{givenName} {familyName}");
}
