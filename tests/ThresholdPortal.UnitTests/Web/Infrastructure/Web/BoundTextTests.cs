using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.UnitTests.Web.Infrastructure.Web;

public sealed class BoundTextTests
{
    [Theory]
    [InlineData("Jay\0den", "Jayden")]
    [InlineData("bell\u0007 and escape\u001B[31m", "bell and escape[31m")]
    [InlineData("delete\u007F", "delete")]
    [InlineData("Jay\u202Eden", "Jayden")]
    [InlineData("\u202Aembedded\u202B \u202Coverridden\u202D\u202E", "embedded overridden")]
    [InlineData("\u2066isolated\u2067 \u2068first strong\u2069", "isolated first strong")]
    [InlineData("pasted\vpage\fbreaks", "pasted\npage\nbreaks")]
    public void Control_characters_bidi_overrides_and_lone_surrogates_are_removed(string typed, string kept)
    {
        BoundText.Clean(typed).ShouldBe(kept);
    }

    [Fact]
    public void Lone_surrogates_are_removed_and_pairs_kept()
    {
        // Built here rather than in InlineData, whose serialisation would replace a lone surrogate before the test saw it.
        var typed = string.Concat("lone ", "\uD800", "high, ", "\uDC00", "low, reversed ", "\uDE00\uD83D", " and paired \uD83D\uDE00");

        BoundText.Clean(typed).ShouldBe("lone high, low, reversed  and paired \uD83D\uDE00");
    }

    [Theory]
    [InlineData("Tab\tseparated\r\nlines")]
    [InlineData("A family from Gdańsk, Zoë and Siobhán")]
    [InlineData("Arabic \u0645\u0631\u062D\u0628\u0627 with a right-to-left mark \u200F")]
    [InlineData("Emoji in pairs \uD83D\uDE00")]
    [InlineData("<script>alert(1)</script> is stored as typed and encoded when shown")]
    public void Everything_else_is_kept_as_typed_and_not_copied(string typed)
    {
        BoundText.Clean(typed).ShouldBeSameAs(typed);
    }
}
