using System.Text;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Thresholds;

public sealed class IndicatorSuggestionsTests
{
    private static ThresholdDocument WithLexicon()
    {
        var document = TestDocuments.Small();
        document.FindIndicator("health-2a")!.Phrases = ["bruise", "mark on the arm"];
        document.FindIndicator("care-3a")!.Phrases = ["hit", "smacked", "slapped"];
        document.FindIndicator("health-4a")!.Phrases = ["broken arm", "fracture"];
        return document;
    }

    private static string[] Codes(IReadOnlyList<IndicatorSuggestion> suggestions) =>
        [.. suggestions.Select(s => s.Indicator.Code)];

    [Fact]
    public void Empty_text_suggests_nothing() =>
        Assert.Empty(IndicatorSuggestions.Suggest(WithLexicon(), "  "));

    [Fact]
    public void A_document_without_a_lexicon_suggests_nothing() =>
        Assert.Empty(IndicatorSuggestions.Suggest(TestDocuments.Small(), "She has a bruise and was hit."));

    [Fact]
    public void A_synonym_suggests_the_same_indicator() =>
        Assert.Equal(["care-3a"], Codes(IndicatorSuggestions.Suggest(WithLexicon(), "Mum SLAPPED him yesterday.")));

    [Theory]
    [InlineData("There are bruises on her legs.")]
    [InlineData("She was bruised.")]
    [InlineData("Bruising seen at school.")]
    public void Plural_and_verb_forms_match_the_phrase(string text) =>
        Assert.Equal(["health-2a"], Codes(IndicatorSuggestions.Suggest(WithLexicon(), text)));

    [Theory]
    [InlineData("No bruising was seen.")]
    [InlineData("He denies being hit.")]
    [InlineData("She has never been smacked, and there is no fracture.")]
    [InlineData("He didn't hit her.")]
    public void A_negated_phrase_is_ignored(string text) =>
        Assert.Empty(IndicatorSuggestions.Suggest(WithLexicon(), text));

    [Fact]
    public void A_negation_in_an_earlier_sentence_does_not_cancel_a_phrase() =>
        Assert.Equal(["health-2a"], Codes(IndicatorSuggestions.Suggest(WithLexicon(), "No food at home. Bruise on cheek.")));

    [Fact]
    public void Matches_give_the_offsets_of_the_words_to_highlight()
    {
        const string text = "Teacher saw a mark on the arm, and a bruise.";

        var match = Assert.Single(IndicatorSuggestions.Suggest(WithLexicon(), text)).Matches;

        Assert.Equal([14, 37], match.Select(m => m.Start));
        Assert.Equal(["mark on the arm", "bruise"], match.Select(m => text.Substring(m.Start, m.Length)));
        Assert.Equal(["mark on the arm", "bruise"], match.Select(m => m.MatchedText));
    }

    [Fact]
    public void Suggestions_come_highest_level_first()
    {
        var suggestions = IndicatorSuggestions.Suggest(WithLexicon(), "A bruise, he was hit and has a broken arm.");

        Assert.Equal(["health-4a", "care-3a", "health-2a"], Codes(suggestions));
    }

    [Fact]
    public void A_five_thousand_character_text_finds_every_occurrence()
    {
        var text = new StringBuilder();
        while (text.Length < 5_000)
        {
            text.Append("The child came to school tired and hungry. Teacher noticed a bruise. ");
        }
        var expected = text.ToString().Split("bruise").Length - 1;

        var suggestion = Assert.Single(IndicatorSuggestions.Suggest(WithLexicon(), text.ToString()));

        Assert.Equal(expected, suggestion.Matches.Count);
    }
}
