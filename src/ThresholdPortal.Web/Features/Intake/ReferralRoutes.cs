using ThresholdPortal.Domain.Referrals.Quality;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>Every address of the referral journey in one place, so a page never guesses another's URL.</summary>
public static class ReferralRoutes
{
    public const string Index = "/referrals";
    public const string New = "/referrals/new";
    public const string FromCheckAnswers = "check";

    public static string TaskList(Guid draftId) => $"/referrals/draft/{draftId}";
    public static string Screening(Guid draftId) => Step(draftId, "screening");
    public static string Delete(Guid draftId) => Step(draftId, "delete");
    public static string ImmediateDanger(Guid draftId) => Step(draftId, "immediate-danger");
    public static string Children(Guid draftId) => Step(draftId, "children");
    public static string AddChild(Guid draftId) => Step(draftId, "children/add");
    public static string ChildIndicators(Guid draftId, Guid childId) => Step(draftId, $"children/{childId}/indicators");
    public static string ChildDetails(Guid draftId, Guid childId) => Step(draftId, $"children/{childId}/details");
    public static string ChildExperience(Guid draftId, Guid childId) => Step(draftId, $"children/{childId}/experience");
    public static string Level(Guid draftId) => Step(draftId, "level");
    public static string EarlyHelp(Guid draftId) => Step(draftId, "early-help");
    public static string Household(Guid draftId) => Step(draftId, "household");
    public static string Adult(Guid draftId, Guid? adultId = null) =>
        Step(draftId, adultId is null ? "household/adult" : $"household/adult/{adultId}");
    public static string Concerns(Guid draftId) => Step(draftId, "concerns");
    public static string Background(Guid draftId) => Step(draftId, "background");
    public static string Categories(Guid draftId) => Step(draftId, "categories");
    public static string Consent(Guid draftId) => Step(draftId, "consent");
    public static string Communication(Guid draftId) => Step(draftId, "communication");
    public static string Attachments(Guid draftId) => Step(draftId, "attachments");
    public static string YourDetails(Guid draftId) => Step(draftId, "your-details");
    public static string CheckAnswers(Guid draftId) => Step(draftId, "check-answers");

    public static string Sent(string reference) => $"/referrals/{Uri.EscapeDataString(reference)}";
    public static string Confirmation(string reference) => $"/referrals/{Uri.EscapeDataString(reference)}/confirmation";
    public static string Attachment(Guid attachmentId) => $"/referrals/attachments/{attachmentId}";

    /// <summary>A change link: the page, told to come back to check answers, scrolled to the field.</summary>
    public static string Change(string page, string? field = null) =>
        $"{page}?from={FromCheckAnswers}" + (field is null ? string.Empty : $"#Data_{field}");

    /// <summary>Where a quality flag's link goes: the page and field holding the answer to fix.</summary>
    public static string ForAnswer(Guid draftId, AnswerField field, Guid? childId)
    {
        var child = childId ?? Guid.Empty;
        return field switch
        {
            AnswerField.ChildName => Change(ChildDetails(draftId, child), "GivenName"),
            AnswerField.HowConcernsAffectChild or AnswerField.ChildsVoice or AnswerField.SiblingsExperiences
                => Change(ChildExperience(draftId, child), field.ToString()),
            AnswerField.WhatHappened or AnswerField.Analysis or AnswerField.RiskFactors or AnswerField.ProtectiveFactors
                or AnswerField.ExpectedOutcome
                => Change(Concerns(draftId), field.ToString()),
            AnswerField.History or AnswerField.PreviousHelp or AnswerField.OtherProfessionals
                => Change(Background(draftId), field.ToString()),
            AnswerField.CseDetails or AnswerField.CsePeopleAndPlaces or AnswerField.CceDetails or AnswerField.MissingDetails
                => Change(Categories(draftId), field.ToString()),
            AnswerField.OtherCategoryDetails => Change(Categories(draftId), "OtherDetails"),
            AnswerField.ReasonForMashReferral => Change(EarlyHelp(draftId), "ReasonForMashReferral"),
            AnswerField.ConsentDecision => Change(Consent(draftId), "Decision"),
            AnswerField.ConsentReason => Change(Consent(draftId), "Decision"),
            AnswerField.CommunicationNeeds => Change(Communication(draftId), "CommunicationNeedsDetails"),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };
    }

    /// <summary>How the check answers page names the answer a flag is about.</summary>
    public static string LabelOf(AnswerField field) => field switch
    {
        AnswerField.ChildName => "Child's name",
        AnswerField.HowConcernsAffectChild => "How the concerns affect the child",
        AnswerField.ChildsVoice => "The child's voice",
        AnswerField.SiblingsExperiences => "Brothers' and sisters' experiences",
        AnswerField.WhatHappened => "What happened",
        AnswerField.Analysis => "Your analysis",
        AnswerField.RiskFactors => "Risk factors",
        AnswerField.ProtectiveFactors => "Protective factors",
        AnswerField.ExpectedOutcome => "What you expect to happen",
        AnswerField.History => "History",
        AnswerField.PreviousHelp => "Previous help",
        AnswerField.OtherProfessionals => "Other professionals",
        AnswerField.CseDetails => "Child sexual exploitation details",
        AnswerField.CsePeopleAndPlaces => "People and places linked to exploitation",
        AnswerField.CceDetails => "Child criminal exploitation details",
        AnswerField.MissingDetails => "Going missing",
        AnswerField.OtherCategoryDetails => "Other concern",
        AnswerField.ReasonForMashReferral => "Why you are referring to the MASH",
        AnswerField.ConsentDecision => "Consent",
        AnswerField.ConsentReason => "Why consent was not given or sought",
        AnswerField.CommunicationNeeds => "Communication needs",
        _ => field.ToString(),
    };

    private static string Step(Guid draftId, string step) => $"/referrals/draft/{draftId}/{step}";
}
