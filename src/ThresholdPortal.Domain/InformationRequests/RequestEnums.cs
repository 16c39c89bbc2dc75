namespace ThresholdPortal.Domain.InformationRequests;

/// <summary>Where a request stands. Stored by name, so never rename a value. Overdue is not a state: it follows from the due
/// time.</summary>
public enum RequestState
{
    /// <summary>Sent; nobody at the agency has opened it yet.</summary>
    Sent,

    /// <summary>Opened by a responder at the agency, not answered yet.</summary>
    Viewed,

    /// <summary>The agency's latest response is an answer.</summary>
    Answered,

    /// <summary>The agency's latest response declines to answer, with a reason.</summary>
    Declined,
}

/// <summary>What the practitioner and the agency see: the state, or overdue for an open request past its due time.</summary>
public enum RequestStatus
{
    Sent,
    Viewed,
    Overdue,
    Answered,
    Declined,
}

/// <summary>The lawful basis the MASH asks under. Stored by name, so never rename a value.</summary>
public enum RequestLawfulBasis
{
    /// <summary>UK GDPR public task with the safeguarding condition for special category data.</summary>
    SafeguardingPublicTask,

    /// <summary>A section 47 child protection enquiry, with the agencies' duty to co-operate.</summary>
    ChildProtectionEnquiry,

    /// <summary>The parents or carers agreed to the agencies being asked.</summary>
    Consent,
}

/// <summary>The responding agency's own view of how worried it is. Stored by name, so never rename a value.</summary>
public enum AgencyConcernLevel
{
    NoConcerns,
    Low,
    Medium,
    High,
}

/// <summary>Whether a response answers the request or declines it. Stored by name, so never rename a value.</summary>
public enum ResponseKind
{
    Answer,
    Decline,
}

/// <summary>Who a request names. Stored by name, so never rename a value.</summary>
public enum SubjectKind
{
    Child,
    Adult,
}

public static class RequestEnumExtensions
{
    public static string DisplayName(this RequestStatus status) => status switch
    {
        RequestStatus.Sent => "Sent",
        RequestStatus.Viewed => "Viewed",
        RequestStatus.Overdue => "Overdue",
        RequestStatus.Answered => "Answered",
        RequestStatus.Declined => "Declined",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string DisplayName(this RequestLawfulBasis basis) => basis switch
    {
        RequestLawfulBasis.SafeguardingPublicTask =>
            "Safeguarding children: UK GDPR Article 6(1)(e) public task, with Article 9(2)(g) and the Data Protection Act 2018, Schedule " +
                "1, paragraph 18",
        RequestLawfulBasis.ChildProtectionEnquiry =>
            "Child protection enquiry: Children Act 1989, section 47, and the duty to co-operate (Children Act 2004, sections 10 and 11)",
        RequestLawfulBasis.Consent => "Consent of the parents or carers",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };

    public static string DisplayName(this AgencyConcernLevel level) => level switch
    {
        AgencyConcernLevel.NoConcerns => "No concerns",
        AgencyConcernLevel.Low => "Low concern",
        AgencyConcernLevel.Medium => "Medium concern",
        AgencyConcernLevel.High => "High concern",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };
}
