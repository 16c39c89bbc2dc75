using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>Plain words for the audit action codes of accounts, organisations and configuration.</summary>
public static class AuditActions
{
    /// <summary>"4 Nov 2026, 2:05pm", in UK time.</summary>
    public static string When(DateTimeOffset at) => UkTime.ShortWithYear(at);

    public static string Describe(string action) => action switch
    {
        "user.invited" => "Invited",
        "user.invitation_resent" => "Invitation sent again",
        "user.invitation_accepted" => "Set their password from the invitation",
        "user.registered" => "Registered",
        "user.email_confirmed" => "Confirmed their email address",
        "user.registration_approved" => "Registration approved",
        "user.updated" => "Organisation or roles changed",
        "user.deactivated" => "Deactivated",
        "user.reactivated" => "Reactivated",
        "user.unlocked" => "Unlocked after too many wrong attempts",
        "user.two_factor_reset" => "Two-factor sign-in reset",
        "user.two_factor_enabled" => "Set up two-factor sign-in",
        "user.two_factor_disabled" => "Turned off two-factor sign-in",
        "user.recovery_codes_replaced" => "Got new recovery codes",
        "user.recovery_code_used" => "Signed in with a recovery code",
        "user.password_changed" => "Changed their password",
        "user.password_reset" => "Reset their password by email",
        "organisation.created" => "Organisation added",
        "organisation.updated" => "Organisation changed",
        "threshold_document.draft_created" => "Threshold document draft created",
        "threshold_document.level_changed" => "Threshold document level changed",
        "threshold_document.indicator_added" => "Threshold document indicator added",
        "threshold_document.indicator_changed" => "Threshold document indicator changed",
        "threshold_document.indicator_retired" => "Threshold document indicator retired",
        "threshold_document.published" => "Threshold document published",
        "early_help_service.created" => "Early help service added",
        "early_help_service.updated" => "Early help service changed",
        "early_help_service.withdrawn" => "Early help service withdrawn",
        "early_help_service.reinstated" => "Early help service offered again",
        "glossary.term_added" => "Glossary term added",
        "glossary.term_changed" => "Glossary term changed",
        "glossary.term_removed" => "Glossary term removed",
        "mash_settings.changed" => "MASH timescales or working hours changed",
        "partner_agency.created" => "Agency added to the checklist",
        "partner_agency.updated" => "Agency on the checklist changed",
        _ => action,
    };
}
