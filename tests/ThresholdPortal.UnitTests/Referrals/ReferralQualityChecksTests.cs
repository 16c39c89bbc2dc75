using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Domain.Thresholds;

namespace ThresholdPortal.UnitTests.Referrals;

public sealed class ReferralQualityChecksTests
{
    private static IReadOnlyList<QualityFlag> FlagsFor(Action<Referral> change)
    {
        var referral = CompleteReferral.Build();
        change(referral);
        return ReferralQualityChecks.Check(referral, Glossary.Default);
    }

    private static string WithConcerns(string extra) => CompleteReferral.GoodConcerns + " " + extra;

    [Fact]
    public void A_well_written_referral_raises_no_flags()
    {
        ReferralQualityChecks.Check(CompleteReferral.Build(), Glossary.Default).ShouldBeEmpty();
    }

    [Fact]
    public void A_known_acronym_is_flagged_with_its_meaning_and_the_answer_it_is_in()
    {
        var flag = FlagsFor(r => r.Concerns.RiskFactors = "Mum has stopped going to CAMHS.").ShouldHaveSingleItem();

        flag.Kind.ShouldBe(QualityFlagKind.UnexplainedAcronym);
        flag.Field.ShouldBe(AnswerField.RiskFactors);
        flag.Term.ShouldBe("CAMHS");
        flag.Message.ShouldContain("Child and Adolescent Mental Health Services");
    }

    [Fact]
    public void An_unknown_all_capital_word_is_flagged_explain_this_term()
    {
        var flag = FlagsFor(r => r.Concerns.WhatHappened = WithConcerns("She is subject to a TYZ.")).ShouldHaveSingleItem();

        flag.Kind.ShouldBe(QualityFlagKind.UnknownTerm);
        flag.Message.ShouldStartWith("Explain this term: “TYZ”");
        flag.Field.ShouldBe(AnswerField.WhatHappened);
    }

    [Theory]
    [InlineData("Mum has stopped going to CAMHS (the children's mental health service).")]
    [InlineData("Mum has stopped going to Child and Adolescent Mental Health Services.")]
    [InlineData("The Team Around the Family (TAF) met in June.")]
    [InlineData("Her TYZ (Total Youth Zone) worker left.")]
    public void An_acronym_the_referrer_explains_is_not_flagged(string text)
    {
        FlagsFor(r => r.Concerns.RiskFactors = text).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("He was taken to A&E by his GP.")]
    [InlineData("The NHS number is on the form.")]
    [InlineData("He said IT HURTS WHEN HE GRABS ME.")]
    [InlineData("Their surname is CLARKE and mum is Kelly CLARKE.")]
    public void Widely_understood_terms_shouting_and_surnames_in_capitals_are_not_flagged(string text)
    {
        FlagsFor(r => r.Concerns.RiskFactors = text).ShouldBeEmpty();
    }

    [Fact]
    public void Section_shorthand_is_jargon_too()
    {
        FlagsFor(r => r.Concerns.ExpectedOutcome = "An s47 please.").ShouldHaveSingleItem()
            .Message.ShouldContain("child protection enquiry");
    }

    [Fact]
    public void A_plural_acronym_is_recognised_by_its_singular()
    {
        FlagsFor(r => r.Concerns.History = "Two CAFs were closed.").ShouldHaveSingleItem().Term.ShouldBe("CAF");
    }

    [Fact]
    public void Each_term_is_flagged_once_per_answer_but_again_in_another_answer()
    {
        var flags = FlagsFor(r =>
        {
            r.Concerns.RiskFactors = "MARAC heard it. MARAC will meet again.";
            r.Children[1].HowConcernsAffectChild = "She knows about the MARAC.";
        });

        flags.Count.ShouldBe(2);
        flags.Select(f => f.Field).ShouldBe([AnswerField.HowConcernsAffectChild, AnswerField.RiskFactors], ignoreOrder: true);
        flags.Single(f => f.Field == AnswerField.HowConcernsAffectChild).ChildId.ShouldNotBeNull();
    }

    [Fact]
    public void A_childs_name_spelled_another_way_is_flagged()
    {
        var flag = FlagsFor(r => r.Children[0].SiblingsExperiences = "Masie copies her brother.").ShouldHaveSingleItem();

        flag.Kind.ShouldBe(QualityFlagKind.NameSpelledDifferently);
        flag.Term.ShouldBe("Masie");
        flag.Message.ShouldContain("another spelling of Maisie");
        flag.Field.ShouldBe(AnswerField.SiblingsExperiences);
    }

    [Theory]
    [InlineData("Jaydon was upset on Friday.")]
    [InlineData("Jaiden said he was hungry.")]
    public void Longer_names_are_matched_within_two_edits(string text)
    {
        var referral = CompleteReferral.Build();
        referral.Children[0].GivenName = "Jayden";
        referral.Concerns.RiskFactors = text;

        ReferralQualityChecks.Check(referral, Glossary.Default).ShouldContain(f => f.Kind == QualityFlagKind.NameSpelledDifferently);
    }

    [Theory]
    [InlineData("Maisie and Jayden were both late. Many days they are.")]
    [InlineData("Kelly says she is coping. March was hard.")]
    [InlineData("Mark from the school came too.")]
    public void Correct_names_other_people_and_common_words_are_not_flagged_as_misspellings(string text)
    {
        FlagsFor(r => r.Concerns.RiskFactors = text).ShouldNotContain(f => f.Kind == QualityFlagKind.NameSpelledDifferently);
    }

    [Fact]
    public void Two_children_with_one_birthday_and_nearly_one_name_are_flagged_as_perhaps_the_same_child()
    {
        var flag = FlagsFor(r =>
        {
            r.Children[1].GivenName = "Jaydan";
            r.Children[1].DateOfBirth = r.Children[0].DateOfBirth;
            r.Children[1].ChildsVoice = "Said nothing.";
            r.Children[1].HowConcernsAffectChild = "Frightened.";
        }).ShouldHaveSingleItem();

        flag.Field.ShouldBe(AnswerField.ChildName);
        flag.Message.ShouldContain("same date of birth");
    }

    [Fact]
    public void Concerns_too_short_to_act_on_are_flagged()
    {
        var flag = FlagsFor(r => r.Concerns.WhatHappened = "Bruise on face.").ShouldHaveSingleItem();

        flag.Kind.ShouldBe(QualityFlagKind.ConcernsTooShort);
        flag.Field.ShouldBe(AnswerField.WhatHappened);
    }

    [Fact]
    public void Concerns_too_long_to_read_are_flagged()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("He was seen outside the shop again late at night with older boys.", 40));

        var flags = FlagsFor(r =>
        {
            r.Concerns.WhatHappened = paragraph;
            r.Concerns.History = paragraph;
            r.Concerns.RiskFactors = paragraph;
            r.Concerns.PreviousHelp = paragraph;
        });

        flags.ShouldHaveSingleItem().Kind.ShouldBe(QualityFlagKind.ConcernsTooLong);
        ReferralQualityChecks.WordCount(paragraph).ShouldBe(520);
    }

    [Fact]
    public void A_child_with_no_voice_recorded_is_flagged_but_an_unborn_baby_is_not()
    {
        var flags = FlagsFor(r =>
        {
            r.Children[0].ChildsVoice = " ";
            r.Children[1].IsUnborn = true;
            r.Children[1].ChildsVoice = null;
        });

        var flag = flags.ShouldHaveSingleItem();
        flag.Kind.ShouldBe(QualityFlagKind.NoChildsVoice);
        flag.Field.ShouldBe(AnswerField.ChildsVoice);
        flag.Message.ShouldContain("Jayden Clarke");
    }

    [Fact]
    public void No_consent_decision_is_flagged()
    {
        var flag = FlagsFor(r => r.Consent.Decision = null).ShouldHaveSingleItem();

        flag.Kind.ShouldBe(QualityFlagKind.NoConsentDecision);
        flag.Field.ShouldBe(AnswerField.ConsentDecision);
    }

    [Fact]
    public void Choosing_a_level_other_than_the_guidance_without_an_analysis_is_flagged()
    {
        var flag = FlagsFor(r =>
        {
            r.ChooseLevel(ThresholdLevel.Specialist);
            r.Concerns.Analysis = "Worried.";
        }).ShouldHaveSingleItem();

        flag.Kind.ShouldBe(QualityFlagKind.LevelDiffersWithoutAnalysis);
        flag.Message.ShouldContain("You chose Level 4 but the guidance suggested Level 3");
        flag.Field.ShouldBe(AnswerField.Analysis);
    }

    [Fact]
    public void A_different_level_explained_in_the_analysis_is_not_flagged()
    {
        FlagsFor(r => r.ChooseLevel(ThresholdLevel.Specialist)).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_level_as_the_guidance_needs_no_analysis()
    {
        FlagsFor(r => r.Concerns.Analysis = null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("jayden", "jaydon", true)]
    [InlineData("maisie", "masie", true)]
    [InlineData("maisie", "maisie", false)]
    [InlineData("kelly", "kylie", false)]
    [InlineData("jayden", "hayden", true)]
    [InlineData("jaydenn", "jyaden", false)]
    [InlineData("alexandar", "alexsander", true)]
    public void Misspellings_are_one_edit_for_short_names_and_two_for_long_ones(string word, string name, bool expected)
    {
        ReferralQualityChecks.IsMisspelling(word, name).ShouldBe(expected);
    }

    [Fact]
    public void A_swap_of_two_letters_is_one_edit()
    {
        ReferralQualityChecks.EditDistance("maisie", "masiie").ShouldBe(1);
    }

    [Fact]
    public void The_glossary_finds_terms_whatever_their_case()
    {
        Glossary.Default.Find("camhs")!.Meaning.ShouldBe("Child and Adolescent Mental Health Services");
        Glossary.Default.Terms.Count.ShouldBeGreaterThan(50);
    }
}
