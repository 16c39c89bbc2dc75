using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;

namespace ThresholdPortal.UnitTests.Thresholds;

/// <summary>The referrer's words shown around each suggestion, with the matched words marked (docs/decisions/0121).</summary>
public sealed class SuggestionExcerptTests
{
    private static PhraseMatch Match(string text, string words) =>
        new("x", text.IndexOf(words, StringComparison.Ordinal), words.Length, words);

    private static string Render(IReadOnlyList<ExcerptPart> parts) => string.Concat(parts.Select(p => p.Matched ? $"[{p.Text}]" : p.Text));

    [Fact]
    public void A_short_text_is_shown_whole_with_the_match_marked()
    {
        const string text = "She has a bruise on her arm.";

        Render(SuggestedIndicators.ExcerptOf(text, [Match(text, "bruise")])).ShouldBe("She has a [bruise] on her arm.");
    }

    [Fact]
    public void A_long_text_is_cut_at_whole_words_either_side_with_an_ellipsis()
    {
        var before = string.Concat(Enumerable.Repeat("lorem ipsum ", 20));
        var after = string.Concat(Enumerable.Repeat(" dolor sit", 20));
        var text = before + "welts" + after;

        var shown = Render(SuggestedIndicators.ExcerptOf(text, [Match(text, "welts")]));

        shown.ShouldStartWith("…");
        shown.ShouldEndWith("…");
        shown.ShouldContain("[welts]");
        shown.Length.ShouldBeLessThan(2 * SuggestedIndicators.ExcerptContext + 20);
        shown.TrimStart('…').Split(' ')[0].ShouldBeOneOf("lorem", "ipsum");
    }

    [Fact]
    public void Two_matches_close_together_share_one_window_and_far_ones_get_their_own()
    {
        var filler = string.Concat(Enumerable.Repeat("and then nothing much ", 10));
        var text = "He was hit and hit again. " + filler + "Later he was hit.";
        var first = text.IndexOf("hit", StringComparison.Ordinal);
        var second = text.IndexOf("hit", first + 1, StringComparison.Ordinal);
        var third = text.LastIndexOf("hit", StringComparison.Ordinal);

        var shown = Render(SuggestedIndicators.ExcerptOf(text,
            [new("x", first, 3, "hit"), new("x", second, 3, "hit"), new("x", third, 3, "hit")]));

        shown.ShouldStartWith("He was [hit] and [hit] again.");
        shown.ShouldContain("…");
        shown.ShouldEndWith("he was [hit].");
        shown.Count(c => c == '[').ShouldBe(3);
    }
}
