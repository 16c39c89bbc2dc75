using ThresholdPortal.Domain.Identifiers;

namespace ThresholdPortal.UnitTests.Identifiers;

public sealed class CensusCodesTests
{
    [Fact]
    public void Ethnicity_has_the_twenty_census_codes_including_refused_and_not_obtained()
    {
        CensusCodes.Ethnicities.Count.ShouldBe(20);
        CensusCodes.IsEthnicity("WBRI").ShouldBeTrue();
        CensusCodes.IsEthnicity("REFU").ShouldBeTrue();
        CensusCodes.IsEthnicity("NOBT").ShouldBeTrue();
        CensusCodes.IsEthnicity("WHITE").ShouldBeFalse();
        CensusCodes.IsEthnicity("wbri").ShouldBeFalse();
    }

    [Fact]
    public void Sex_is_coded_m_f_or_u()
    {
        CensusCodes.Sexes.Select(s => s.Code).ShouldBe(["F", "M", "U"]);
        CensusCodes.IsSex("9").ShouldBeFalse();
    }

    [Fact]
    public void Several_disabilities_may_apply()
    {
        CensusCodes.CheckDisabilities(["AUT", "COMM", "LD"]).ShouldBeNull();
        CensusCodes.CheckDisabilities([CensusCodes.NoDisability]).ShouldBeNull();
        CensusCodes.CheckDisabilities([]).ShouldBeNull();
    }

    [Fact]
    public void No_disability_is_not_mixed_with_a_disability_and_nothing_repeats()
    {
        CensusCodes.CheckDisabilities(["NONE", "AUT"]).ShouldNotBeNull();
        CensusCodes.CheckDisabilities(["AUT", "AUT"]).ShouldNotBeNull();
        CensusCodes.CheckDisabilities(["BLIND"]).ShouldNotBeNull();
    }

    [Fact]
    public void A_code_reads_as_its_words()
    {
        CensusCodes.Label(CensusCodes.Ethnicities, "NOBT").ShouldBe("Information not yet obtained");
        CensusCodes.Label(CensusCodes.Disabilities, "AUT").ShouldBe("Autism or Asperger syndrome");
    }
}
