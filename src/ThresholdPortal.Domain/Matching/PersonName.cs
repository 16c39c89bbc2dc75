namespace ThresholdPortal.Domain.Matching;

/// <summary>How names are normalised for the trigram index, the same way <see cref="Trigrams"/> compares them.</summary>
public static class PersonName
{
    /// <summary>"Zoë O'Neil" becomes "zoe o neil": lower case, no accents, words separated by one space.</summary>
    public static string SearchKey(string? givenName, string? familyName) =>
        Trigrams.Normalise($"{givenName} {familyName}");
}
