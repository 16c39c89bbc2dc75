using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.EarlyHelp;

/// <summary>
/// Opens the hub's work with a family in the caller's unit of work, due for first contact the configured number of
/// working days later: the referrer's submit handler calls it for an early help request, and a decision's approval
/// for a step-down, before their one SaveChanges (docs/decisions/0109).
/// </summary>
public sealed class EarlyHelpIntake(PortalDbContext db, IAuditTrail audit, MashSettings settings)
{
    public EarlyHelpCase? OpenForRequest(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return referral.Kind == ReferralKind.EarlyHelpRequest
            ? Open(EarlyHelpCase.ForRequest(referral, Due(referral.SubmittedAt!.Value), TakeUpWindowEnd(referral.SubmittedAt!.Value)),
                "Early help request")
            : null;
    }

    public EarlyHelpCase OpenForStepDown(EarlyHelpStepDown stepDown)
    {
        ArgumentNullException.ThrowIfNull(stepDown);
        return Open(EarlyHelpCase.ForStepDown(stepDown, Due(stepDown.SteppedDownAt), TakeUpWindowEnd(stepDown.SteppedDownAt)),
            "Stepped down by the MASH");
    }

    private DateTimeOffset Due(DateTimeOffset receivedAt) => settings.Stored.EarlyHelpFirstContactDue(settings.Calendar, receivedAt);

    private DateTimeOffset TakeUpWindowEnd(DateTimeOffset receivedAt) =>
        settings.Calendar.AddWorkingTime(receivedAt, settings.Calendar.WorkingDayLength * EarlyHelpCase.TakeUpWorkingDays)
            .ToUniversalTime();

    private EarlyHelpCase Open(EarlyHelpCase work, string how)
    {
        db.EarlyHelpCases.Add(work);
        audit.Record(EarlyHelpEvents.Opened, EarlyHelpEvents.SubjectType, work.Id.ToString(), how);
        return work;
    }
}
