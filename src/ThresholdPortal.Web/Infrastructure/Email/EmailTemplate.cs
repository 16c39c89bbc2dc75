using System.Text;

namespace ThresholdPortal.Web.Infrastructure.Email;

/// <summary>
/// One kind of e-mail the portal sends. The text is fixed here and only a link is filled in, so no e-mail
/// can carry a child's or a family's details (docs/decisions/0020): it says something is waiting and
/// links to the portal, where the reader signs in to see it.
/// </summary>
public sealed class EmailTemplate
{
    private EmailTemplate(string name, string subject, string beforeLink, string? afterLink = null)
    {
        Name = name;
        Subject = subject;
        BeforeLink = beforeLink;
        AfterLink = afterLink;
    }

    /// <summary>The stable name stored with each queued message.</summary>
    public string Name { get; }
    public string Subject { get; }
    public string BeforeLink { get; }
    public string? AfterLink { get; }

    public string RenderBody(Uri link)
    {
        var body = new StringBuilder()
            .Append(BeforeLink).Append("\n\n")
            .Append(link.AbsoluteUri).Append("\n\n");
        if (AfterLink is not null)
        {
            body.Append(AfterLink).Append("\n\n");
        }

        return body.Append("Northshire Multi-Agency Safeguarding Hub (MASH)\n")
            .Append("This is an automatic message: replies are not read. If a child is in immediate danger, call 999.\n")
            .ToString();
    }

    public static readonly EmailTemplate UrgentReferral = new(
        "mash.urgent-referral",
        "Urgent referral received: not yet rated",
        "An urgent referral has come to the MASH. The referrer gave level 4, said a child is in immediate danger, or named a " +
            "concern that is always child protection. It is due on the Red timescale until someone rates it.\n\nIts reference " +
            "is in this link, which opens the case:",
        "Sign in to see the referral. This email holds no details of the child or family.");

    public static readonly EmailTemplate Invitation = new(
        "account.invitation",
        "You have been invited to use Refer a child",
        "An administrator has created an account for you on Refer a child, the Northshire MASH service for referrals about " +
            "children.\n\nUse this link to set your password. It works once and expires after 7 days:",
        "If you were not expecting this email, you can ignore it.");

    public static readonly EmailTemplate ConfirmEmail = new(
        "account.confirm-email",
        "Confirm your email address for Refer a child",
        "You registered for Refer a child. Use this link to confirm your email address. It works once and expires after 24 hours:",
        "An administrator will then check your registration. If you did not register, you can ignore this email.");

    public static readonly EmailTemplate AlreadyRegistered = new(
        "account.already-registered",
        "You already have an account on Refer a child",
        "Someone tried to register for Refer a child with this email address, but it already has an account. If you have forgotten your " +
            "password, you can reset it here:",
        "If this was not you, you can ignore this email.");

    public static readonly EmailTemplate RegistrationWaiting = new(
        "account.registration-waiting",
        "A registration is waiting for your approval",
        "A professional has registered for Refer a child and confirmed their email address. Check and approve their registration:");

    public static readonly EmailTemplate RegistrationApproved = new(
        "account.registration-approved",
        "You can now sign in to Refer a child",
        "An administrator has approved your registration. You can now sign in and make referrals:");

    public static readonly EmailTemplate PasswordReset = new(
        "account.password-reset",
        "Reset your password for Refer a child",
        "Use this link to choose a new password. It works once and expires after 1 hour:",
        "If you did not ask to reset your password, you can ignore this email: your password has not changed.");

    public static readonly EmailTemplate PasswordChanged = new(
        "account.password-changed",
        "Your Refer a child password has been changed",
        "The password for your Refer a child account has just been changed, and any other signed-in sessions have been ended. If you did " +
            "not do this, reset your password now and tell your administrator:");

    public static readonly EmailTemplate InformationRequestReceived = new(
        "information-request.received",
        "A new information request for your organisation",
        "The Northshire MASH has asked your organisation for information it holds, to help it decide how to keep a child safe. Sign in " +
            "to see the request and answer it by the time it shows:",
        "If you cannot answer, sign in and say why, so the MASH knows not to wait.");

    public static readonly EmailTemplate InformationRequestOverdue = new(
        "information-request.overdue",
        "An information request is overdue",
        "An information request the Northshire MASH sent to your organisation has passed the time its answer was due. The MASH is " +
            "waiting for it to decide how to keep a child safe. Sign in to answer it, or to say why you cannot:");

    public static readonly EmailTemplate FeedbackReady = new(
        "feedback.ready",
        "The MASH has decided about your referral",
        "The Northshire MASH has made a decision about a referral you sent, and written to you with the outcome and the reasons. Sign in " +
            "to read it:",
        "You can acknowledge it, or tell us if you disagree with the decision.");

    public static readonly EmailTemplate EscalationRaised = new(
        "escalation.raised",
        "A referrer disagrees with a MASH decision",
        "A referrer has read the feedback on a MASH decision and disagrees with it. A MASH manager needs to look at the decision again " +
            "and answer by the time it shows. Sign in to see it:");

    public static readonly EmailTemplate EscalationAnswered = new(
        "escalation.answered",
        "A MASH manager has answered your disagreement",
        "You told the Northshire MASH you disagreed with a decision about a referral you sent. A MASH manager has looked at it again and " +
            "answered. Sign in to read their answer:");

    public static readonly EmailTemplate DecisionChanged = new(
        "decision.changed",
        "The MASH has changed its decision on your referral",
        "After your disagreement, the Northshire MASH looked at a referral you sent again and a manager has approved a changed " +
            "decision. Sign in to see the new outcome:");

    public static readonly EmailTemplate EarlyHelpAllocated = new(
        "early-help.allocated",
        "Early help: a lead professional is helping the family",
        "The Northshire Early Help Hub has asked a lead professional to help the family in an early help request you sent. Sign in to " +
            "see who is helping, how to reach them and when they will contact the family:");

    public static readonly EmailTemplate EarlyHelpFamilyAnswered = new(
        "early-help.family-answered",
        "Early help: the family has given their answer",
        "The family in a referral you sent has told the Northshire Early Help Hub whether they want early help. Sign in to see their " +
            "answer and who is helping:",
        "If you are still worried about a child, sign in and make a new referral, or call the MASH.");

    public static readonly EmailTemplate EarlyHelpEnded = new(
        "early-help.ended",
        "Early help: the hub's work with the family has ended",
        "The Northshire Early Help Hub has ended its work on an early help request you sent, or passed it to the MASH. Sign in to see " +
            "the outcome:");

    public static readonly EmailTemplate UnusualAccess = new(
        "access.unusual",
        "Unusual access to case records to check",
        "The portal has found access to children's case records that a MASH manager should check: a record opened out of office " +
            "hours, many records opened in an hour, a record opened by someone without a MASH role or by an agency after it " +
            "answered, or an export. Sign in to see the report:",
        "This email holds no details of any child, family or member of staff.");

    public static readonly EmailTemplate DraftRetentionReminder = new(
        "referral.draft-retention-reminder",
        "Your draft referral will be deleted in a week",
        "A draft referral you started on Refer a child has not been changed for some time. Drafts hold children's details, so they " +
            "are deleted when nobody has changed them for a while: this one will be deleted in a week. Sign in to finish and send it, " +
            "or to delete it now:",
        "If a child is at risk now, do not wait: call the MASH, or 999 in an emergency.");

    private static readonly Dictionary<string, EmailTemplate> ByName = new[]
    {
        Invitation, ConfirmEmail, AlreadyRegistered, RegistrationWaiting, RegistrationApproved, PasswordReset, PasswordChanged,
        InformationRequestReceived, InformationRequestOverdue,
        FeedbackReady, EscalationRaised, EscalationAnswered, DecisionChanged, UrgentReferral,
        EarlyHelpAllocated, EarlyHelpFamilyAnswered, EarlyHelpEnded, UnusualAccess, DraftRetentionReminder,
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every template the dispatcher knows. A feature adds its own templates to this list.</summary>
    public static IReadOnlyCollection<EmailTemplate> All => ByName.Values;

    public static EmailTemplate? Find(string name) => ByName.GetValueOrDefault(name);
}
