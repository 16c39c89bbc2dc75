using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.UnitTests.InformationRequests;

public sealed class AgencyChecklistTests
{
    private static readonly ChecklistAgency Police = new("police", "Police", 1);
    private static readonly ChecklistAgency School = new("school", "The child's school or setting", 4);
    private static readonly ChecklistAgency Probation = new("probation", "Probation", 5);
    private static readonly ChecklistAgency[] Configured = [Probation, Police, School];

    private static AgencyEntry Entry(ChecklistAgency agency) => new(agency.Key, agency.Name);

    [Fact]
    public void A_case_with_nothing_recorded_has_every_configured_agency_outstanding_in_checklist_order()
    {
        var checklist = AgencyChecklist.Evaluate(Configured, [], []);

        checklist.Agencies.Select(a => a.Key).ShouldBe(["police", "school", "probation"]);
        checklist.Outstanding.Count.ShouldBe(3);
        checklist.IsReadyForDecision.ShouldBeFalse();
    }

    [Fact]
    public void Requests_to_some_agencies_and_reasons_for_the_rest_make_the_case_ready_for_decision()
    {
        var checklist = AgencyChecklist.Evaluate(Configured, [Entry(Police), Entry(School)], [Entry(Probation)]);

        checklist.Agencies.Select(a => a.Status)
            .ShouldBe([AgencyCheckStatus.Requested, AgencyCheckStatus.Requested, AgencyCheckStatus.NotNeeded]);
        checklist.Outstanding.ShouldBeEmpty();
        checklist.IsReadyForDecision.ShouldBeTrue();
    }

    [Fact]
    public void One_agency_with_neither_a_request_nor_a_reason_keeps_the_case_from_decision()
    {
        var checklist = AgencyChecklist.Evaluate(Configured, [Entry(Police)], [Entry(Probation)]);

        checklist.IsReadyForDecision.ShouldBeFalse();
        checklist.Outstanding.ShouldHaveSingleItem().Key.ShouldBe("school");
    }

    [Fact]
    public void A_request_sent_after_a_reason_was_recorded_counts_as_asked()
    {
        var checklist = AgencyChecklist.Evaluate([Police], [Entry(Police)], [Entry(Police)]);

        checklist.Agencies.ShouldHaveSingleItem().Status.ShouldBe(AgencyCheckStatus.Requested);
    }

    [Fact]
    public void An_agency_taken_off_the_configuration_stays_on_a_case_that_already_recorded_it()
    {
        var housing = new AgencyEntry("housing", "Housing");

        var checklist = AgencyChecklist.Evaluate([Police], [Entry(Police)], [housing]);

        checklist.Agencies.Select(a => (a.Key, a.Status))
            .ShouldBe([("police", AgencyCheckStatus.Requested), ("housing", AgencyCheckStatus.NotNeeded)]);
        checklist.IsReadyForDecision.ShouldBeTrue();
    }

    [Fact]
    public void Several_requests_to_one_agency_list_it_once()
    {
        var checklist = AgencyChecklist.Evaluate([Police], [Entry(Police), Entry(Police)], []);

        checklist.Agencies.ShouldHaveSingleItem();
    }

    [Fact]
    public void An_empty_checklist_is_never_ready_for_decision()
    {
        var checklist = AgencyChecklist.Evaluate([], [], []);

        checklist.Agencies.ShouldBeEmpty();
        checklist.IsReadyForDecision.ShouldBeFalse();
        Should.Throw<CaseRuleException>(() => CaseChecks.EnsureReadyForDecision(checklist)).Message.ShouldContain("empty");
    }

    [Fact]
    public void The_refusal_names_the_agencies_still_to_do()
    {
        var checklist = AgencyChecklist.Evaluate(Configured, [Entry(Police)], []);

        var refusal = Should.Throw<CaseRuleException>(() => CaseChecks.EnsureReadyForDecision(checklist));

        refusal.Message.ShouldContain("The child's school or setting, Probation");
        refusal.Message.ShouldNotContain("Police");
    }
}
