using System.Globalization;
using System.Text.RegularExpressions;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.Domain.Referrals.Quality;

/// <summary>
/// The checks the check answers page runs before a referral is sent, from what the threshold audits found
/// wrong: unexplained jargon, names spelled two ways, concerns too thin or too long, no child's voice, no
/// consent decision, and a level chosen against the guidance without saying why. Pure and advisory.
/// </summary>
public static partial class ReferralQualityChecks
{
    /// <summary>Fewer words than this about what happened gives the MASH too little to act on.</summary>
    public const int ConcernsMinimumWords = 40;

    /// <summary>More words than this across the concerns answers is more than a busy MASH can read well.</summary>
    public const int ConcernsMaximumWords = 2000;

    /// <summary>An analysis shorter than this does not explain choosing a level other than the suggested one.</summary>
    public const int AnalysisMinimumWords = 15;

    /// <summary>Three or more capitalised words in a row are shouting or a quotation, not acronyms.</summary>
    private const int ShoutingRun = 3;

    /// <summary>The flags for the referral, reading acronyms and jargon with the MASH's glossary.</summary>
    public static IReadOnlyList<QualityFlag> Check(Referral referral, Glossary glossary)
    {
        var answers = TextAnswers(referral).Where(a => !string.IsNullOrWhiteSpace(a.Text)).ToList();
        var people = PersonNameTokens(referral);
        var flags = new List<QualityFlag>();
        flags.AddRange(answers.SelectMany(a => JargonFlags(a, glossary, people)));
        flags.AddRange(answers.SelectMany(a => SpellingFlags(a, referral, people, glossary)));
        flags.AddRange(DuplicateChildFlags(referral));
        flags.AddRange(LengthFlags(referral));
        flags.AddRange(referral.Children.OrderBy(c => c.Order)
            .Where(c => !c.IsUnborn && string.IsNullOrWhiteSpace(c.ChildsVoice))
            .Select(c => new QualityFlag(QualityFlagKind.NoChildsVoice, AnswerField.ChildsVoice, c.Id,
                $"Nothing is recorded of {c.DisplayName}'s own voice: what they said, or how they presented if they could not say.")));
        if (referral.Consent.Decision is null)
        {
            flags.Add(new QualityFlag(QualityFlagKind.NoConsentDecision, AnswerField.ConsentDecision, null,
                "No consent decision is recorded: say whether the parents or carers agreed, refused or were not asked, and why."));
        }

        if (referral is { ChosenLevel: { } chosen, SuggestedLevel: { } suggested } && chosen != suggested
            && WordCount(referral.Concerns.Analysis) < AnalysisMinimumWords)
        {
            flags.Add(new QualityFlag(QualityFlagKind.LevelDiffersWithoutAnalysis, AnswerField.Analysis, null,
                $"You chose {chosen.Number()} but the guidance suggested {suggested.Number()}. Explain in your analysis why a different " +
                    $"level fits."));
        }

        return flags;
    }

    /// <summary>Every free-text answer of the referral, with the field and child it belongs to.</summary>
    public static IEnumerable<TextAnswer> TextAnswers(Referral referral)
    {
        foreach (var child in referral.Children.OrderBy(c => c.Order))
        {
            yield return new(AnswerField.HowConcernsAffectChild, child.Id, child.HowConcernsAffectChild);
            yield return new(AnswerField.ChildsVoice, child.Id, child.ChildsVoice);
            yield return new(AnswerField.SiblingsExperiences, child.Id, child.SiblingsExperiences);
        }

        var concerns = referral.Concerns;
        yield return new(AnswerField.WhatHappened, null, concerns.WhatHappened);
        yield return new(AnswerField.Analysis, null, concerns.Analysis);
        yield return new(AnswerField.RiskFactors, null, concerns.RiskFactors);
        yield return new(AnswerField.ProtectiveFactors, null, concerns.ProtectiveFactors);
        yield return new(AnswerField.ExpectedOutcome, null, concerns.ExpectedOutcome);
        yield return new(AnswerField.History, null, concerns.History);
        yield return new(AnswerField.PreviousHelp, null, concerns.PreviousHelp);
        yield return new(AnswerField.OtherProfessionals, null, concerns.OtherProfessionals);
        var followUps = referral.FollowUps;
        yield return new(AnswerField.CseDetails, null, followUps.CseDetails);
        yield return new(AnswerField.CsePeopleAndPlaces, null, followUps.CsePeopleAndPlaces);
        yield return new(AnswerField.CceDetails, null, followUps.CceDetails);
        yield return new(AnswerField.MissingDetails, null, followUps.MissingDetails);
        yield return new(AnswerField.OtherCategoryDetails, null, followUps.OtherDetails);
        yield return new(AnswerField.ReasonForMashReferral, null, referral.ReasonForMashReferral);
        yield return new(AnswerField.ConsentReason, null, referral.Consent.Reason);
        yield return new(AnswerField.CommunicationNeeds, null, referral.Communication.CommunicationNeedsDetails);
    }

    public static int WordCount(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : Word().Matches(text).Count(m => m.Value.Any(char.IsLetter));

    private static IEnumerable<QualityFlag> JargonFlags(TextAnswer answer, Glossary glossary, HashSet<string> people)
    {
        var text = answer.Text!;
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var capitalised = words.Select(IsCapitalised).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < words.Count; index++)
        {
            var word = words[index];
            var isSection = SectionShorthand().IsMatch(word);
            if ((!capitalised[index] && !isSection) || InShoutingRun(capitalised, index) || people.Contains(word.ToLowerInvariant()))
            {
                continue;
            }

            var term = glossary.Find(word) is null && word.EndsWith('s') && glossary.Find(word[..^1]) is not null ? word[..^1] : word;
            if (!seen.Add(term))
            {
                continue;
            }

            var known = glossary.Find(term);
            if (known is { WidelyUnderstood: true } || IsExplained(text, word, known))
            {
                continue;
            }

            yield return known is null
                ? new QualityFlag(QualityFlagKind.UnknownTerm, answer.Field, answer.ChildId,
                    $"Explain this term: “{term}”. Write it in full, or say what it means, the first time you use it.", term)
                : new QualityFlag(QualityFlagKind.UnexplainedAcronym, answer.Field, answer.ChildId,
                    $"“{term}” may not be understood by everyone who reads this referral. It usually means {known.Meaning}: write it in " +
                        $"full, or explain what it means for the child.", term);
        }
    }

    /// <summary>An acronym: at least two letters, all capitals, perhaps with a plural "s" ("CAFs").</summary>
    private static bool IsCapitalised(string word)
    {
        var core = word.Length > 2 && word[^1] == 's' ? word[..^1] : word;
        var letters = core.Where(char.IsLetter).ToList();
        return letters.Count >= 2 && letters.All(char.IsUpper);
    }

    private static bool InShoutingRun(List<bool> capitalised, int index)
    {
        int start = index, end = index;
        while (start > 0 && capitalised[start - 1])
        {
            start--;
        }

        while (end < capitalised.Count - 1 && capitalised[end + 1])
        {
            end++;
        }

        return end - start + 1 >= ShoutingRun;
    }

    /// <summary>"CAMHS (the children's mental health service)", "Team Around the Family (TAF)" or the meaning written out.</summary>
    private static bool IsExplained(string text, string word, GlossaryTerm? known)
    {
        if (text.Contains(word + " (", StringComparison.Ordinal) || text.Contains(word + "(", StringComparison.Ordinal)
            || text.Contains("(" + word + ")", StringComparison.Ordinal))
        {
            return true;
        }

        if (known is null)
        {
            return false;
        }

        var meaning = known.Meaning;
        var bracket = meaning.IndexOf(" (", StringComparison.Ordinal);
        var colon = meaning.IndexOf(':', StringComparison.Ordinal);
        var cut = new[] { bracket, colon }.Where(i => i > 0).DefaultIfEmpty(meaning.Length).Min();
        return text.Contains(meaning[..cut], StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<QualityFlag> SpellingFlags(TextAnswer answer, Referral referral, HashSet<string> people, Glossary glossary)
    {
        var childNames = referral.Children
            .SelectMany(c => new[] { c.GivenName, c.FamilyName })
            .SelectMany(NameTokens)
            .Where(n => n.Length >= 4)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in Word().Matches(answer.Text!).Select(m => m.Value))
        {
            var lower = word.ToLowerInvariant();
            if (word.Length < 4 || !char.IsUpper(word[0]) || !word.All(char.IsLetter) || people.Contains(lower)
                || CommonWords.Contains(lower) || glossary.Find(word) is not null || !seen.Add(lower))
            {
                continue;
            }

            var like = childNames.FirstOrDefault(name => IsMisspelling(lower, name.ToLowerInvariant()));
            if (like is not null)
            {
                yield return new QualityFlag(QualityFlagKind.NameSpelledDifferently, answer.Field, answer.ChildId,
                    $"“{word}” looks like another spelling of {like}. Spell each child's name the same way throughout.", word);
            }
        }
    }

    /// <summary>Two children with the same date of birth and nearly the same name are probably one child entered twice.</summary>
    private static IEnumerable<QualityFlag> DuplicateChildFlags(Referral referral)
    {
        var children = referral.Children.OrderBy(c => c.Order).ToList();
        for (var later = 1; later < children.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var (a, b) = (children[earlier], children[later]);
                if (a.DateOfBirth is not null && a.DateOfBirth == b.DateOfBirth
                    && a.GivenName is not null && b.GivenName is not null
                    && IsMisspelling(a.GivenName.Trim().ToLowerInvariant(), b.GivenName.Trim().ToLowerInvariant()))
                {
                    yield return new QualityFlag(QualityFlagKind.NameSpelledDifferently, AnswerField.ChildName, b.Id,
                        $"{a.DisplayName} and {b.DisplayName} have the same date of birth and nearly the same name. If they are one " +
                            $"child, remove one; if they are twins, check both spellings.",
                        b.GivenName);
                }
            }
        }
    }

    private static IEnumerable<QualityFlag> LengthFlags(Referral referral)
    {
        var concerns = referral.Concerns;
        var whatHappened = WordCount(concerns.WhatHappened);
        if (whatHappened is > 0 and < ConcernsMinimumWords)
        {
            yield return new QualityFlag(QualityFlagKind.ConcernsTooShort, AnswerField.WhatHappened, null,
                $"What happened is {whatHappened} words long: too short for the MASH to act on. Say what you saw or heard, when, and how " +
                    $"it affects each child.");
        }

        var total = new[]
        {
            concerns.WhatHappened, concerns.Analysis, concerns.RiskFactors, concerns.ProtectiveFactors,
            concerns.History, concerns.PreviousHelp, concerns.OtherProfessionals, concerns.ExpectedOutcome,
        }.Sum(WordCount);
        if (total > ConcernsMaximumWords)
        {
            yield return new QualityFlag(QualityFlagKind.ConcernsTooLong, AnswerField.WhatHappened, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"Your concerns run to {total:N0} words. Keep to what matters for the children, in {ConcernsMaximumWords:N0} words " +
                        $"or fewer, so the MASH can read it quickly."));
        }
    }

    /// <summary>
    /// Damerau-Levenshtein (optimal string alignment) distance of one or, for longer names, two edits: close
    /// enough to be the same name typed differently, far enough not to be the same word.
    /// </summary>
    public static bool IsMisspelling(string word, string name)
    {
        var allowed = name.Length >= 7 ? 2 : 1;
        if (Math.Abs(word.Length - name.Length) > allowed)
        {
            return false;
        }

        var distance = EditDistance(word, name);
        return distance > 0 && distance <= allowed;
    }

    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static HashSet<string> PersonNameTokens(Referral referral) =>
        referral.Children.SelectMany(c => new[] { c.GivenName, c.FamilyName })
            .Concat(referral.Adults.SelectMany(a => new[] { a.GivenName, a.FamilyName }))
            .SelectMany(NameTokens)
            .Select(n => n.ToLowerInvariant())
            .ToHashSet();

    private static IEnumerable<string> NameTokens(string? name) =>
        string.IsNullOrWhiteSpace(name) ? [] : Word().Matches(name).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}&]+")]
    private static partial Regex Word();

    [GeneratedRegex("^[sS](17|20|47)$")]
    private static partial Regex SectionShorthand();

    /// <summary>Words that start sentences or are capitalised anyway, and sit one letter from common names.</summary>
    private static readonly HashSet<string> CommonWords =
    [
        "about", "after", "again", "also", "although", "another", "because", "been", "before", "being", "both",
        "came", "cannot", "come", "could", "daily", "dear", "does", "done", "down", "during", "each", "even",
        "every", "from", "gave", "give", "goes", "going", "good", "have", "having", "hers", "here", "home",
        "however", "into", "just", "kept", "know", "last", "late", "later", "left", "like", "little", "lives",
        "living", "made", "make", "many", "mark", "more", "most", "much", "must", "never", "next", "none",
        "once", "only", "other", "over", "said", "same", "says", "school", "seen", "shall", "should", "since",
        "some", "still", "such", "sure", "take", "than", "that", "their", "them", "then", "there", "these",
        "they", "this", "those", "though", "through", "today", "told", "very", "visit", "want", "wants", "went",
        "were", "what", "when", "where", "which", "while", "will", "with", "would", "your", "yours", "mother",
        "father", "brother", "sister", "nana", "nanny", "grandma", "grandad", "aunt", "auntie", "uncle",
        "cousin", "baby", "babies", "teacher", "police", "officer", "nurse", "doctor", "worker", "social",
        "family", "child", "children", "parent", "parents", "carer", "carers", "partner", "friend", "friends",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "christmas", "easter", "term", "week", "weekend", "year", "month", "morning", "afternoon", "evening",
        "night", "yesterday", "tomorrow", "hospital", "house", "flat", "street", "road", "lane", "close",
        "avenue", "drive", "primary", "secondary", "academy", "college", "nursery", "northshire", "england",
        "english", "there's", "thank", "thanks", "please", "sorry", "then", "when", "with", "without",
    ];
}
