using ThresholdPortal.Domain.Triage;

namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>The rules joining a MASH case to its multi-agency checks.</summary>
public static class CaseChecks
{
    /// <summary>
    /// Requests are sent, and reasons recorded, once screening has progressed the case to MASH checks (which
    /// needs a rating, and the rating sets the due times), and until it goes to sign-off.
    /// </summary>
    public static bool IsGatheringInformation(MashCaseStatus status) =>
        status is MashCaseStatus.AwaitingInformation or MashCaseStatus.AwaitingDecision;

    public static void EnsureGatheringInformation(MashCase mashCase)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        if (!mashCase.IsOpen)
        {
            throw new CaseRuleException("The case is closed.");
        }

        if (!IsGatheringInformation(mashCase.Status))
        {
            throw new CaseRuleException(mashCase.Status is MashCaseStatus.New or MashCaseStatus.Screening
                ? "Progress the case to MASH checks before asking agencies: the rating sets how quickly they must answer."
                : "The case's decision is with a manager: agencies cannot be asked now.");
        }
    }

    /// <summary>
    /// Moves the case on to its decision, which only a complete checklist allows: every agency asked or a
    /// reason recorded. The decision work (issue 6) checks the same rule before any decision is made.
    /// </summary>
    public static void MoveToDecision(this MashCase mashCase, AgencyChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(mashCase);
        ArgumentNullException.ThrowIfNull(checklist);
        EnsureReadyForDecision(checklist);
        mashCase.MarkReadyForDecision();
    }

    public static void EnsureReadyForDecision(AgencyChecklist checklist)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        if (checklist.Agencies.Count == 0)
        {
            throw new CaseRuleException("The agency checklist is empty: ask an administrator to set it up.");
        }

        if (checklist.Outstanding.Count > 0)
        {
            throw new CaseRuleException(
                "Every agency on the checklist needs a request or a reason first. Still to do: "
                    + string.Join(", ", checklist.Outstanding.Select(a => a.Name)) + ".");
        }
    }
}
