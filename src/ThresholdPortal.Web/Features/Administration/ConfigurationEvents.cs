namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// The audit action codes of configuration: organisations, threshold documents, early help services, the glossary,
/// the MASH settings and the agency checklist,
/// registered with every other audit action in <see cref="AuditActions"/> (docs/decisions/0097).
/// </summary>
public static class ConfigurationEvents
{
    public const string OrganisationCreated = "organisation.created";
    public const string OrganisationUpdated = "organisation.updated";
    public const string ThresholdDraftCreated = "threshold-document.draft-created";
    public const string ThresholdLevelChanged = "threshold-document.level-changed";
    public const string ThresholdIndicatorAdded = "threshold-document.indicator-added";
    public const string ThresholdIndicatorChanged = "threshold-document.indicator-changed";
    public const string ThresholdIndicatorRetired = "threshold-document.indicator-retired";
    public const string ThresholdPublished = "threshold-document.published";
    public const string ThresholdDraftDiscarded = "threshold-document.draft-discarded";
    public const string LeadProfessionalCreated = "lead-professional.created";
    public const string LeadProfessionalUpdated = "lead-professional.updated";
    public const string EarlyHelpServiceCreated = "early-help-service.created";
    public const string EarlyHelpServiceUpdated = "early-help-service.updated";
    public const string EarlyHelpServiceWithdrawn = "early-help-service.withdrawn";
    public const string EarlyHelpServiceReinstated = "early-help-service.reinstated";
    public const string GlossaryTermAdded = "glossary.term-added";
    public const string GlossaryTermChanged = "glossary.term-changed";
    public const string GlossaryTermRemoved = "glossary.term-removed";
    public const string MashSettingsChanged = "mash-settings.changed";
    public const string AgencyCreated = "partner-agency.created";
    public const string AgencyUpdated = "partner-agency.updated";

    /// <summary>Plain words for one of these codes; null for any other.</summary>
    public static string? Describe(string action) => action switch
    {
        OrganisationCreated => "Organisation added",
        OrganisationUpdated => "Organisation changed",
        ThresholdDraftCreated => "Threshold document draft created",
        ThresholdLevelChanged => "Threshold document level changed",
        ThresholdIndicatorAdded => "Threshold document indicator added",
        ThresholdIndicatorChanged => "Threshold document indicator changed",
        ThresholdIndicatorRetired => "Threshold document indicator retired",
        ThresholdPublished => "Threshold document published",
        ThresholdDraftDiscarded => "Threshold document draft discarded",
        LeadProfessionalCreated => "Lead professional added",
        LeadProfessionalUpdated => "Lead professional changed",
        EarlyHelpServiceCreated => "Early help service added",
        EarlyHelpServiceUpdated => "Early help service changed",
        EarlyHelpServiceWithdrawn => "Early help service withdrawn",
        EarlyHelpServiceReinstated => "Early help service offered again",
        GlossaryTermAdded => "Glossary term added",
        GlossaryTermChanged => "Glossary term changed",
        GlossaryTermRemoved => "Glossary term removed",
        MashSettingsChanged => "MASH timescales, working hours or contacts changed",
        AgencyCreated => "Agency added to the checklist",
        AgencyUpdated => "Agency on the checklist changed",
        _ => null,
    };
}
