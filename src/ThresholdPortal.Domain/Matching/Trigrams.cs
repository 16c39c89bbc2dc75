using System.Globalization;
using System.Text;

namespace ThresholdPortal.Domain.Matching;

/// <summary>
/// Trigram similarity computed the way PostgreSQL's pg_trgm does (lower case, words padded with two
/// spaces before and one after, shared trigrams over all distinct trigrams), so the score a practitioner
/// sees agrees with the index that found the candidate.
/// </summary>
public static class Trigrams
{
    public static double Similarity(string? left, string? right)
    {
        var a = Of(left);
        var b = Of(right);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>The words pg_trgm would see, lower case and without accents, joined by single spaces.</summary>
    public static string Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(' ', Words(text));

    public static HashSet<string> Of(string? text)
    {
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return trigrams;
        }

        foreach (var word in Words(text))
        {
            var padded = "  " + word + " ";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                trigrams.Add(padded.Substring(i, 3));
            }
        }

        return trigrams;
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var character in RemoveAccents(text).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(character);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    // Names are compared without accents (Zoë and Zoe are the same child), as the unaccent extension does in SQL.
    private static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            plain.Append(character);
        }

        return plain.ToString().Normalize(NormalizationForm.FormC);
    }
}
