using ThresholdPortal.Domain.Returns;

namespace ThresholdPortal.UnitTests.Returns;

/// <summary>The front door's DfE census rules (docs/decisions/0125): a clean child passes, and each rule catches its own fault.</summary>
public sealed class CinCensusRulesTests
{
    private static readonly CensusYear Year = new(2027);
    private static readonly CensusReferral Assessed = new(new DateOnly(2026, 6, 1), "2A", false, "N1", null, null);
    private static readonly CensusReferral Closed = new(new DateOnly(2026, 7, 1), "6", true, null, new DateOnly(2026, 7, 2), "RC7");
    private static readonly CensusChild Clean = new("A1B2C3D4E5F6A7B8C9D0", "B801200005001", new DateOnly(2016, 1, 1), null, "F", "WBRI",
        ["AUT"], [Assessed, Closed]);

    private static readonly CensusChild Unborn = Clean with
    {
        LaChildId = "UNBORN1", Upn = null, BirthDate = null, ExpectedBirthDate = new DateOnly(2027, 5, 1), Sex = "U",
        Ethnicity = "NOBT", Disabilities = [],
        Referrals = [Closed with { ReferralDate = new DateOnly(2026, 10, 1), ClosureDate = new DateOnly(2026, 10, 2) }],
    };

    [Fact]
    public void A_complete_child_and_an_unborn_baby_break_no_rule()
    {
        CinCensusRules.Check([Clean, Unborn], Year).ShouldBeEmpty();
        Year.Start.ShouldBe(new DateOnly(2026, 4, 1));
        Year.ReferenceDate.ShouldBe(new DateOnly(2027, 3, 31));
        CensusYear.Containing(new DateOnly(2027, 3, 31)).ShouldBe(Year);
        CensusYear.Containing(new DateOnly(2026, 4, 1)).ShouldBe(Year);
    }

    public static TheoryData<string, CensusChild> Faults => new()
    {
        { "8500", Clean with { LaChildId = "" } },
        { "1580", Clean with { LaChildId = "CHILD-1" } },
        { "1580", Clean with { LaChildId = new string('A', 21) } },
        { "1510", Clean with { Upn = "A801200005001" } },
        { "8525Q", Clean with { ExpectedBirthDate = new DateOnly(2027, 5, 1) } },
        { "8525Q", Clean with { BirthDate = null } },
        {
            "8520",
            Clean with { BirthDate = new DateOnly(2027, 4, 1), Referrals = [Closed with { ReferralDate = new DateOnly(2027, 3, 1) }] }
        },
        { "8530Q", Unborn with { ExpectedBirthDate = new DateOnly(2028, 1, 31) } },
        { "8530Q", Unborn with { ExpectedBirthDate = new DateOnly(2027, 2, 28) } },
        { "4180", Clean with { Sex = null } },
        { "4180", Clean with { Sex = "X" } },
        { "8750", Unborn with { Sex = "F" } },
        { "8770Q", Clean with { Upn = null } },
        { "4220", Clean with { Ethnicity = null } },
        { "4220", Clean with { Ethnicity = "WXYZ" } },
        { "8540", Clean with { Disabilities = [] } },
        { "8540", Clean with { Disabilities = ["LEGS"] } },
        { "8790", Clean with { Disabilities = ["NONE", "AUT"] } },
        { "8794", Clean with { Disabilities = ["AUT", "AUT"] } },
        { "8590", Clean with { Referrals = [] } },
        { "8600", Clean with { Referrals = [Assessed with { ReferralDate = new DateOnly(2027, 4, 2) }] } },
        { "8606", Unborn with { Referrals = [Closed with { ReferralDate = new DateOnly(2026, 7, 1) }] } },
        { "8866", Clean with { Referrals = [Assessed with { Source = "2C" }] } },
        { "8866", Clean with { Referrals = [Assessed with { Source = null }] } },
        { "8610", Clean with { Referrals = [Assessed with { PrimaryNeed = null }] } },
        { "8650", Clean with { Referrals = [Assessed with { PrimaryNeed = "N10" }] } },
        { "8805", Clean with { Referrals = [Closed with { ClosureReason = null }] } },
        { "8810", Clean with { Referrals = [Closed with { ClosureDate = null }] } },
        { "8640", Clean with { Referrals = [Closed with { ClosureReason = "RC10" }] } },
        { "8630", Clean with { Referrals = [Closed with { ClosureDate = new DateOnly(2026, 6, 30) }] } },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_rule_catches_its_own_fault_and_names_the_child(string rule, CensusChild child)
    {
        var failures = CinCensusRules.Check([child], Year);

        failures.ShouldContain(f => f.Rule == rule && f.LaChildId == child.LaChildId, string.Join("; ", failures));
        failures.Where(f => f.Rule == rule).ShouldAllBe(f => f.IsQuery == rule.EndsWith('Q') && f.Message.Length > 10);
    }

    [Fact]
    public void Two_children_with_one_id_or_one_upn_are_both_named()
    {
        var twin = Clean with { BirthDate = new DateOnly(2016, 1, 2) };

        var failures = CinCensusRules.Check([Clean, twin], Year);

        failures.Count(f => f.Rule == "8510").ShouldBe(2);
        failures.Count(f => f.Rule == "1520").ShouldBe(2);
        CinCensusRules.Check([Clean, twin with { LaChildId = "OTHER1", Upn = null }], Year).ShouldNotContain(f => f.Rule == "1520");
    }
}
