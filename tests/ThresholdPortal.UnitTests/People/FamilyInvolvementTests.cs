using ThresholdPortal.Domain.People;

namespace ThresholdPortal.UnitTests.People;

public sealed class FamilyInvolvementTests
{
    [Fact]
    public void Siblings_open_to_different_processes_are_warned_about()
    {
        var warning = FamilyInvolvement.Warning(
        [
            new("Maisie Clarke", OpenInvolvement.EarlyHelp),
            new("Jayden Clarke", OpenInvolvement.SocialCare),
            new("Leo Clarke", OpenInvolvement.None),
        ]);

        warning.ShouldBe("Brothers and sisters in this family are open to different processes: " +
            "Maisie Clarke is open to early help; Jayden Clarke is open to children's social care.");
    }

    [Fact]
    public void Siblings_open_to_the_same_process_or_not_open_give_no_warning()
    {
        FamilyInvolvement.Warning([new("A", OpenInvolvement.SocialCare), new("B", OpenInvolvement.SocialCare),
            new("C", OpenInvolvement.None)]).ShouldBeNull();
        FamilyInvolvement.Warning([new("A", OpenInvolvement.None)]).ShouldBeNull();
        FamilyInvolvement.Warning([]).ShouldBeNull();
    }

    [Fact]
    public void A_person_keeps_a_search_name_in_step_with_their_names()
    {
        var person = new Person { GivenName = " Zoë ", FamilyName = "O'Neil-Smith" };

        person.SearchName.ShouldBe("zoe o neil smith");
        person.FamilyName = "Clarke";
        person.SearchName.ShouldBe("zoe clarke");
        person.DisplayName.ShouldBe("Zoë Clarke");
    }
}
