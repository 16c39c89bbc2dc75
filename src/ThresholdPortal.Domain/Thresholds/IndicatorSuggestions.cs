namespace ThresholdPortal.Domain.Thresholds;

/// <summary>One stretch of the referrer's text that matched a lexicon phrase.</summary>
public sealed record PhraseMatch(string IndicatorCode, int Start, int Length, string MatchedText);

/// <summary>One indicator the text suggests, with every stretch that matched it.</summary>
public sealed record IndicatorSuggestion(ThresholdIndicator Indicator, IReadOnlyList<PhraseMatch> Matches);

/// <summary>
/// Suggests indicators from the referrer's own words using the document's lexicon. Pure: nothing is ticked,
/// the caller shows the suggestions and the referrer accepts or rejects each one.
/// </summary>
public static class IndicatorSuggestions
{
    public static IReadOnlyList<IndicatorSuggestion> Suggest(ThresholdDocument document, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(text) || document.Lexicon.Entries.Count == 0)
        {
            return [];
        }

        var tokens = Tokenise(text);
        var firstStem = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!firstStem.TryGetValue(tokens[i].Stem, out var at))
            {
                firstStem[tokens[i].Stem] = at = [];
            }
            at.Add(i);
        }

        var suggestions = new List<IndicatorSuggestion>();
        foreach (var entry in document.Lexicon.Entries)
        {
            var indicator = document.FindIndicator(entry.IndicatorCode);
            if (indicator is null)
            {
                continue;
            }
            var matches = MatchesOf(entry, text, tokens, firstStem);
            if (matches.Count > 0)
            {
                suggestions.Add(new IndicatorSuggestion(indicator, matches));
            }
        }
        return [.. suggestions.OrderByDescending(s => s.Indicator.Level).ThenBy(s => document.Indicators.IndexOf(s.Indicator))];
    }

    private static List<PhraseMatch> MatchesOf(
        LexiconEntry entry, string text, List<Token> tokens, Dictionary<string, List<int>> firstStem)
    {
        var matches = new List<PhraseMatch>();
        foreach (var phrase in entry.Phrases)
        {
            var stems = Tokenise(phrase).Select(t => t.Stem).ToArray();
            if (stems.Length == 0 || !firstStem.TryGetValue(stems[0], out var starts))
            {
                continue;
            }
            foreach (var start in starts)
            {
                if (start + stems.Length > tokens.Count || !FollowsFrom(tokens, start, stems) || IsNegated(tokens, start))
                {
                    continue;
                }
                var first = tokens[start];
                var last = tokens[start + stems.Length - 1];
                var length = last.Start + last.Length - first.Start;
                if (!matches.Any(m => m.Start < first.Start + length && first.Start < m.Start + m.Length))
                {
                    matches.Add(new PhraseMatch(entry.IndicatorCode, first.Start, length, text.Substring(first.Start, length)));
                }
            }
        }
        matches.Sort((a, b) => a.Start.CompareTo(b.Start));
        return matches;
    }

    private static bool FollowsFrom(List<Token> tokens, int start, string[] stems)
    {
        for (var k = 0; k < stems.Length; k++)
        {
            if (tokens[start + k].Stem != stems[k] || (k > 0 && tokens[start + k].StartsSentence))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsNegated(List<Token> tokens, int start)
    {
        // Look back word by word, never past the start of the phrase's own sentence.
        for (var i = start - 1; i >= 0 && i >= start - ThresholdLexicon.NegationWindow && !tokens[i + 1].StartsSentence; i--)
        {
            if (ThresholdLexicon.NegationCues.Contains(tokens[i].Word))
            {
                return true;
            }
        }
        return false;
    }

    private readonly record struct Token(int Start, int Length, string Word, string Stem, bool StartsSentence);

    private static List<Token> Tokenise(string text)
    {
        var tokens = new List<Token>();
        var sentenceBreak = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                sentenceBreak |= c is '.' or '!' or '?' or ';' or '\n';
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '\u2019'
                && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }
            var word = text[start..i].ToLowerInvariant().Replace('\u2019', '\'');
            word = word.Replace("n't", " not", StringComparison.Ordinal).Split(' ')[^1] == "not" ? "not" : word;
            tokens.Add(new Token(start, i - start, word, Stem(word), sentenceBreak));
            sentenceBreak = false;
        }
        return tokens;
    }

    /// <summary>A light stemmer: enough that "bruises", "bruised" and "bruising" meet "bruise".</summary>
    private static string Stem(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s", "e"])
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal)
                && !(suffix == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
            {
                word = word[..^suffix.Length];
                break;
            }
        }
        return word.Length > 3 && word[^1] == word[^2] ? word[..^1] : word;
    }
}
