using ThresholdPortal.Domain.Matching;

namespace ThresholdPortal.UnitTests.Matching;

public sealed class PersonMatchTests
{
    private static readonly DateOnly Birthday = new(2018, 3, 14);

    [Theory]
    [InlineData("word", "word", 1.0)]
    [InlineData("word", "two words", 0.363636)]
    [InlineData("Clark", "Clarke", 0.625)]
    [InlineData("", "word", 0.0)]
    public void Trigram_similarity_agrees_with_pg_trgm(string left, string right, double expected)
    {
        // Values as PostgreSQL answers: SELECT similarity('word', 'two words') = 0.36363637.
        Trigrams.Similarity(left, right).ShouldBe(expected, 0.0001);
    }

    [Fact]
    public void Accents_and_case_do_not_matter()
    {
        Trigrams.Similarity("ZOË", "zoe").ShouldBe(1.0);
    }

    [Fact]
    public void An_unborn_baby_due_within_four_weeks_of_an_earlier_unborn_record_of_the_same_mother_is_a_strong_match()
    {
        var due = new DateOnly(2027, 3, 14);

        var result = PersonMatch.Score(new(string.Empty, "Lyons", null, ExpectedDate: due),
            new(string.Empty, "Lyons", null, ExpectedDate: due.AddDays(-20)));

        result.Evidence.ShouldContain("Expected dates of birth within 4 weeks of each other");
        result.Strength.ShouldBe(MatchStrength.Possible);
        result.Score.ShouldBeGreaterThanOrEqualTo(PersonMatch.PossibleFrom);
    }

    [Fact]
    public void A_baby_born_near_the_date_a_pre_birth_record_expected_matches_it_and_one_born_months_away_does_not()
    {
        var due = new DateOnly(2027, 3, 14);
        PersonDetails unbornRecord = new("Baby", "Lyons", null, ExpectedDate: due);

        var born = PersonMatch.Score(new("Baby", "Lyons", due.AddDays(-10)), unbornRecord);
        var months = PersonMatch.Score(new("Baby", "Lyons", due.AddDays(-120)), unbornRecord);

        born.Evidence.ShouldContain("Expected date and date of birth within 4 weeks of each other");
        born.Strength.ShouldBe(MatchStrength.Strong);
        months.Evidence.ShouldContain("Expected date and date of birth more than 8 weeks apart");
        months.Score.ShouldBeLessThan(born.Score - 50);
    }

    [Fact]
    public void The_same_name_and_date_of_birth_is_a_strong_match()
    {
        var result = PersonMatch.Score(new("Amelia", "Clarke", Birthday), new("Amelia", "Clarke", Birthday));

        result.Score.ShouldBe(100);
        result.Strength.ShouldBe(MatchStrength.Strong);
        result.Evidence.ShouldContain("Date of birth matches exactly");
    }

    [Fact]
    public void A_misspelt_family_name_with_the_same_date_of_birth_is_still_strong()
    {
        var result = PersonMatch.Score(new("Amelia", "Clark", Birthday), new("Amelia", "Clarke", Birthday));

        result.Strength.ShouldBe(MatchStrength.Strong);
        result.Evidence.ShouldContain(e => e.StartsWith("Family name is similar", StringComparison.Ordinal));
    }

    [Fact]
    public void Swapped_given_and_family_names_are_recognised()
    {
        var result = PersonMatch.Score(new("Clarke", "Amelia", Birthday), new("Amelia", "Clarke", Birthday));

        result.Strength.ShouldBe(MatchStrength.Strong);
        result.Evidence.ShouldContain(e => e.StartsWith("Given and family names appear swapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Transposed_day_and_month_of_birth_make_a_possible_match()
    {
        var result = PersonMatch.Score(new("Amelia", "Clarke", new DateOnly(2018, 4, 3)),
            new("Amelia", "Clarke", new DateOnly(2018, 3, 4)));

        result.Evidence.ShouldContain("Day and month of birth appear transposed");
        result.Score.ShouldBe(85);
    }

    [Fact]
    public void The_same_name_with_a_different_date_of_birth_is_weak()
    {
        var result = PersonMatch.Score(new("Amelia", "Clarke", new DateOnly(2012, 9, 1)), new("Amelia", "Clarke", Birthday));

        result.Strength.ShouldBe(MatchStrength.Weak);
        result.Evidence.ShouldContain("Date of birth differs");
    }

    [Fact]
    public void A_different_person_scores_low()
    {
        PersonMatch.Score(new("Oliver", "Bennett", Birthday), new("Amelia", "Clarke", Birthday)).Strength.ShouldBe(MatchStrength.Weak);
    }

    [Fact]
    public void Without_dates_of_birth_a_name_match_is_only_possible()
    {
        var result = PersonMatch.Score(new("Amelia", "Clarke", null), new("Amelia", "Clarke", Birthday));

        result.Score.ShouldBe(60);
        result.Strength.ShouldBe(MatchStrength.Possible);
        result.Evidence.ShouldContain("Date of birth not known for both, so not compared");
    }

    [Fact]
    public void A_one_digit_slip_in_the_date_of_birth_is_noticed()
    {
        var result = PersonMatch.Score(new("Amelia", "Clarke", new DateOnly(2016, 3, 14)), new("Amelia", "Clarke", Birthday));

        result.Evidence.ShouldContain("Date of birth differs by one digit (a possible typing slip)");
        result.Strength.ShouldBe(MatchStrength.Strong);
    }

    [Fact]
    public void The_demo_misspelling_is_a_possible_match_with_its_evidence_in_plain_words()
    {
        var born = new DateOnly(2017, 5, 3);

        var result = PersonMatch.Score(new("Jayden", "Clarke", born), new("Jaydon", "Clark", born));

        result.Score.ShouldBe(71);
        result.Strength.ShouldBe(MatchStrength.Possible);
        result.Evidence.ShouldBe(["Given name is similar (40%)", "Family name is similar (62%)", "Date of birth matches exactly"]);
    }

    [Fact]
    public void The_search_key_ignores_word_order_accents_and_punctuation_as_the_trigram_index_does()
    {
        PersonName.SearchKey("Zoë", "O'Neil").ShouldBe("zoe o neil");
        Trigrams.Similarity(PersonName.SearchKey("Jayden", "Clarke"), PersonName.SearchKey("Clarke", "Jayden")).ShouldBe(1);
        PersonName.SearchKey(null, "  ").ShouldBe(string.Empty);
    }

    [Fact]
    public void The_same_nhs_number_outranks_a_closer_name()
    {
        var referred = new PersonDetails("Amelia", "Clark", Birthday, "9434765919");
        var sameNumber = PersonMatch.Score(referred, new("Millie", "Jones", Birthday, "9434765919"));
        var closerName = PersonMatch.Score(referred, new("Amelia", "Clarke", Birthday, null));

        sameNumber.IdentifierMatches.ShouldBeTrue();
        sameNumber.Strength.ShouldBe(MatchStrength.Strong);
        sameNumber.Evidence[0].ShouldBe("NHS number matches exactly");
        closerName.IdentifierMatches.ShouldBeFalse();
    }

    [Fact]
    public void A_different_nhs_number_takes_a_close_name_down()
    {
        var result = PersonMatch.Score(new("Amelia", "Clarke", Birthday, "9434765919"), new("Amelia", "Clarke", Birthday, "4010232137"));

        result.Score.ShouldBe(60);
        result.Evidence.ShouldContain("NHS number differs");
        result.IdentifierMatches.ShouldBeFalse();
    }

    [Fact]
    public void The_same_nhs_number_with_a_different_date_of_birth_is_a_conflict_in_words()
    {
        var result = PersonMatch.Score(new("Amelia", "Clarke", Birthday, "9434765919"),
            new("Amelia", "Clarke", new DateOnly(2015, 6, 1), "9434765919"));

        result.IdentifierMatches.ShouldBeTrue();
        result.ConflictsOrNone.ShouldHaveSingleItem()
            .ShouldBe("The same NHS number with a different date of birth: check which is right before linking");
    }

    [Fact]
    public void The_same_upn_is_an_exact_identifier_too()
    {
        var result = PersonMatch.Score(new("Amy", "Clark", null, null, "B801200005001"),
            new("Amelia", "Clarke", Birthday, null, "B801200005001"));

        result.IdentifierMatches.ShouldBeTrue();
        result.Score.ShouldBeGreaterThanOrEqualTo(PersonMatch.StrongFrom);
        result.ConflictsOrNone.ShouldBeEmpty();
    }
}
