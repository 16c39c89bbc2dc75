namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// The audit action codes of accounts: invitations, registrations, sign-in settings and their administration,
/// registered with every other audit action in <see cref="AuditActions"/> (docs/decisions/0097).
/// </summary>
public static class AccountEvents
{
    public const string Invited = "user.invited";
    public const string InvitationResent = "user.invitation-resent";
    public const string InvitationAccepted = "user.invitation-accepted";
    public const string Registered = "user.registered";
    public const string EmailConfirmed = "user.email-confirmed";
    public const string RegistrationApproved = "user.registration-approved";
    public const string Updated = "user.updated";
    public const string Deactivated = "user.deactivated";
    public const string Reactivated = "user.reactivated";
    public const string Unlocked = "user.unlocked";
    public const string TwoFactorReset = "user.two-factor-reset";
    public const string TwoFactorEnabled = "user.two-factor-enabled";
    public const string TwoFactorDisabled = "user.two-factor-disabled";
    public const string RecoveryCodesReplaced = "user.recovery-codes-replaced";
    public const string RecoveryCodeUsed = "user.recovery-code-used";
    public const string PasswordChanged = "user.password-changed";
    public const string PasswordReset = "user.password-reset";
    public const string PersonalDataErased = "user.personal-data-erased";
    public const string TextMessagesNumberSet = "user.text-messages-number-set";
    public const string TextMessagesStopped = "user.text-messages-stopped";
    public const string SingleSignOnLinked = "user.single-sign-on-linked";
    public const string SingleSignOnRefused = "user.single-sign-on-refused";
    public const string RolesFromGroups = "user.roles-from-groups";

    /// <summary>Plain words for one of these codes; null for any other.</summary>
    public static string? Describe(string action) => action switch
    {
        Invited => "Invited",
        InvitationResent => "Invitation sent again",
        InvitationAccepted => "Set their password from the invitation",
        Registered => "Registered",
        EmailConfirmed => "Confirmed their email address",
        RegistrationApproved => "Registration approved",
        Updated => "Organisation or roles changed",
        Deactivated => "Deactivated",
        Reactivated => "Reactivated",
        Unlocked => "Unlocked after too many wrong attempts",
        TwoFactorReset => "Two-factor sign-in reset",
        TwoFactorEnabled => "Set up two-factor sign-in",
        TwoFactorDisabled => "Turned off two-factor sign-in",
        RecoveryCodesReplaced => "Got new recovery codes",
        RecoveryCodeUsed => "Signed in with a recovery code",
        PasswordChanged => "Changed their password",
        PasswordReset => "Reset their password by email",
        PersonalDataErased => "Personal data erased",
        TextMessagesNumberSet => "Asked for text messages when feedback is ready",
        TextMessagesStopped => "Stopped text messages",
        SingleSignOnLinked => "Linked to their organisation's sign-in",
        SingleSignOnRefused => "Refused sign-in through their organisation",
        RolesFromGroups => "Roles changed by their organisation's groups",
        _ => null,
    };
}
