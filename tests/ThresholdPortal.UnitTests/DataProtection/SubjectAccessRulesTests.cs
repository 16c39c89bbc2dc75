using ThresholdPortal.Web.Features.SubjectAccess;

namespace ThresholdPortal.UnitTests.DataProtection;

/// <summary>The subject access search's validation and the bundle's file names (docs/decisions/0123).</summary>
public sealed class SubjectAccessRulesTests
{
    private readonly SubjectSearch.Validator validator = new();

    [Theory]
    [InlineData("Jaden Clark", null, null, true)]
    [InlineData(null, "2017-05-03", null, true)]
    [InlineData(null, null, "485 777 3456", true)]
    [InlineData(null, null, "4857773456", true)]
    [InlineData(null, null, "485 777 345", false)]
    [InlineData(null, null, "485777345X", false)]
    [InlineData("  ", null, null, false)]
    [InlineData(null, null, null, false)]
    public void A_search_needs_a_name_a_date_of_birth_or_a_ten_digit_NHS_number(string? name, string? born, string? nhs, bool valid)
    {
        DateOnly? date = born is null ? null : DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture);
        var query = new SubjectSearch.Query(name, date, nhs);

        validator.Validate(query).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void A_name_longer_than_any_record_holds_is_refused()
    {
        var result = validator.Validate(new SubjectSearch.Query(new string('a', SubjectSearch.NameMaxLength + 1), null, null));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Name must be 100 characters or fewer");
    }

    [Theory]
    [InlineData("chronology.pdf", "chronology.pdf")]
    [InlineData("..\\..\\evil.pdf", "evil.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("notes: day 1?.docx", "notes_ day 1_.docx")]
    [InlineData("..", "file")]
    public void An_attachment_name_cannot_leave_its_folder_in_the_zip(string name, string safe) =>
        SubjectBundle.Safe(name).ShouldBe(safe);

    [Fact]
    public void A_chosen_record_is_read_back_from_its_form_value()
    {
        var id = Guid.NewGuid();
        var candidate = new SubjectCandidate(SubjectRecordKind.ReferralChild, id, "Jayden Clarke", null, null, "Child", 90, []);

        SubjectCandidate.TryParse(candidate.Key, out var kind, out var parsed).ShouldBeTrue();
        (kind, parsed).ShouldBe((SubjectRecordKind.ReferralChild, id));
        SubjectCandidate.TryParse("Nobody:" + id.ToString("N"), out _, out _).ShouldBeFalse();
        SubjectCandidate.TryParse("99:" + id.ToString("N"), out _, out _).ShouldBeFalse();
    }
}
