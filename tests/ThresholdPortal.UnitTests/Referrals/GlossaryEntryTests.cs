using ThresholdPortal.Domain.Referrals.Quality;

namespace ThresholdPortal.UnitTests.Referrals;

public sealed class GlossaryEntryTests
{
    [Theory]
    [InlineData("CAMHS", true)]
    [InlineData("A&E", true)]
    [InlineData("S47", true)]
    [InlineData("Y2K", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("2FA", false)]
    [InlineData("CP plan", false)]
    [InlineData("N.F.A.", false)]
    [InlineData("SEN-CO", false)]
    public void A_term_is_one_word_as_the_quality_checks_read_words(string? term, bool wellFormed) =>
        GlossaryEntry.IsWellFormedTerm(term).ShouldBe(wellFormed);

    [Fact]
    public void Every_shipped_term_is_well_formed_so_the_seeded_glossary_can_be_edited()
    {
        Glossary.Default.Terms.Where(t =>
            !GlossaryEntry.IsWellFormedTerm(t.Term) || t.Term.Length > GlossaryEntry.TermMaxLength
            || t.Meaning.Length > GlossaryEntry.MeaningMaxLength)
            .ShouldBeEmpty();
    }

    [Fact]
    public void Stored_entries_become_the_glossary_the_checks_read()
    {
        var glossary = GlossaryEntry.ToGlossary(
        [
            new GlossaryEntry { Term = "MASH", Meaning = "Multi-Agency Safeguarding Hub", WidelyUnderstood = true },
            new GlossaryEntry { Term = "ZXQ", Meaning = "A made-up service" },
        ]);

        glossary.Find("zxq").ShouldBe(new GlossaryTerm("ZXQ", "A made-up service", false));
        glossary.Find("MASH")!.WidelyUnderstood.ShouldBeTrue();
        glossary.Find("CAMHS").ShouldBeNull();
    }
}
