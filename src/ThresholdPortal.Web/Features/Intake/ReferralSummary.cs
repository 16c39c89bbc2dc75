using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>One answer as the summary shows it. Empty answers read "Not given".</summary>
public sealed record SummaryRow(string Key, string? Value, string? ChangeHref = null, bool LongText = false, string? ValueHref = null);

/// <summary>A GOV.UK summary card: one section of the referral.</summary>
public sealed record SummaryCard(string Title, string Anchor, bool Incomplete, IReadOnlyList<SummaryRow> Rows);

/// <summary>
/// A whole referral with the threshold document it was judged against: what the check answers page and
/// the read-only view both show, through the one partial _ReferralSummary. With <see cref="ChangeLinksFor"/>
/// set, every answer gets a change link into that draft.
/// </summary>
public sealed record ReferralSummary(Referral Referral, ThresholdDocument Document, Guid? ChangeLinksFor)
{
    /// <summary>Where an attachment downloads from: the referrer's own address unless a page (the MASH case record) gives its
    /// own.</summary>
    public Func<Guid, string> AttachmentLink { get; init; } = ReferralRoutes.Attachment;

    /// <summary>Loads the single referral the query selects, read-only, with everything the summary shows (never attachment
    /// bytes).</summary>
    public static async Task<ReferralSummary?> LoadAsync(PortalDbContext db, IQueryable<Referral> selected, bool editable,
        CancellationToken cancellationToken)
    {
        var referral = await selected.AsNoTracking()
            .Include(r => r.Children).Include(r => r.Adults).Include(r => r.Attachments)
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var document = await db.DocumentOfAsync(referral, cancellationToken);
        return new ReferralSummary(referral, document, editable ? referral.Id : null);
    }

    public IReadOnlyList<SummaryCard> Cards()
    {
        var progress = ChangeLinksFor is null ? null : ReferralProgress.Of(Referral);
        bool Incomplete(ReferralSection section) => progress?.Incomplete.Contains(section) == true;
        var children = Referral.Children.OrderBy(c => c.Order).ToList();
        var cards = new List<SummaryCard> { ThresholdCard(children, Incomplete(ReferralSection.ThresholdLevel)) };
        cards.AddRange(children.Select(child => ChildCard(child, children.Count > 1,
            progress?.Children.Any(c => c.ChildId == child.Id && c.Status != SectionStatus.Completed) == true)));
        cards.Add(HouseholdCard(Incomplete(ReferralSection.Household)));
        cards.Add(ConcernsCard(Incomplete(ReferralSection.Concerns)));
        cards.Add(ConsentCard(Incomplete(ReferralSection.ConsentAndCommunication)));
        cards.Add(AttachmentsCard());
        cards.Add(ContactCard(Incomplete(ReferralSection.ReferrerDetails)));
        return cards;
    }

    private string? Change(Func<Guid, string> page, string? field = null) =>
        ChangeLinksFor is { } id ? ReferralRoutes.Change(page(id), field) : null;

    private static string? Lines(IEnumerable<string?> lines)
    {
        var text = string.Join("\n", lines.Where(l => !string.IsNullOrWhiteSpace(l)));
        return text.Length == 0 ? null : text;
    }

    private SummaryCard ThresholdCard(List<ReferralChild> children, bool incomplete)
    {
        var rows = new List<SummaryRow>
        {
            new("Child in immediate danger", ReferralDisplay.YesNo(Referral.ChildInImmediateDanger),
                Change(ReferralRoutes.Screening, "ChildInImmediateDanger")),
            new("FGM", Referral.Fgm switch
            {
                FgmConcern.Known => "Yes, FGM has been carried out",
                FgmConcern.AtRisk => "Yes, a girl is at risk of FGM",
                FgmConcern.None => "No",
                _ => null,
            }, Change(ReferralRoutes.Screening, "Fgm")),
        };
        if (Referral.ReferrerProfession is { } profession)
        {
            rows.Add(new("Your profession", profession.DisplayName(), Change(ReferralRoutes.Screening, "Profession")));
        }


        foreach (var child in children)
        {
            var indicators = child.IndicatorCodes.Select(Document.FindIndicator).OfType<ThresholdIndicator>()
                .Select(i => $"{i.Text} ({i.Level.Number()})");
            rows.Add(new($"Indicators for {child.DisplayName}", Lines(indicators) ?? "None selected",
                Change(id => ReferralRoutes.ChildIndicators(id, child.Id)), LongText: true));
        }

        rows.Add(CategoriesRow());
        // A draft's suggestion is worked out again from its current answers, so what is shown beside the chosen level is current
        // whichever page changed an answer last. A sent referral shows what its referrer was shown (its routes come from its own
        // document version, so they match the stored level).
        var suggestion = ThresholdGuidance.Suggest(Document, Referral.IndicatorsByChild, Referral.Screening,
            Referral.ChildProtectionCategories);
        var draft = ChangeLinksFor is not null;
        var suggested = draft ? suggestion.Level : Referral.SuggestedLevel;
        rows.Add(new("Suggested level", suggested is { } level ? Document.TitleOf(level) : null));
        if (suggestion.Routes.Count > 0)
        {
            rows.Add(new("Suggested service", string.Join(" and ", suggestion.Routes)));
        }

        rows.Add(new("Why it was suggested", Lines(draft ? suggestion.Reasons : Referral.SuggestionReasons), LongText: true));
        rows.Add(new("Level chosen", Referral.ChosenLevel is { } chosen
                ? Document.TitleOf(chosen) + (chosen == suggested ? ", as suggested" : ", not the suggested level")
                : null,
            Change(ReferralRoutes.Level, "ChosenLevel")));
        if (Referral.EarlyHelpOffered)
        {
            rows.Add(new("Early help pathway", Referral.EarlyHelpChoice switch
            {
                EarlyHelpChoice.SendEarlyHelpRequest => "Send an early help request to the Early Help Hub",
                EarlyHelpChoice.ReferToMashAnyway => "Refer to the MASH anyway",
                _ => null,
            }, Change(ReferralRoutes.EarlyHelp, "Choice")));
            if (Referral.EarlyHelpChoice == EarlyHelpChoice.ReferToMashAnyway)
            {
                rows.Add(new("Why the MASH rather than early help", Referral.ReasonForMashReferral,
                    Change(ReferralRoutes.EarlyHelp, "ReasonForMashReferral"), LongText: true));
            }
        }

        rows.Add(new("Threshold document", $"{Document.Name}, version {Document.Version}"));
        return new SummaryCard("Threshold level", nameof(ReferralSection.ThresholdLevel), incomplete, rows);
    }

    private SummaryCard ChildCard(ReferralChild child, bool hasSiblings, bool incomplete)
    {
        string? Details(string field) => Change(id => ReferralRoutes.ChildDetails(id, child.Id), field);
        string? Experience(string field) => Change(id => ReferralRoutes.ChildExperience(id, child.Id), field);
        var rows = new List<SummaryRow>
        {
            new("Name", child.DisplayName, Details("GivenName")),
            child.IsUnborn
                ? new("Expected date of birth", child.ExpectedDate is { } expected ? UkCalendar.Format(expected) : null, Details("Born"))
                : new("Date of birth", child.DateOfBirth is { } born ? UkCalendar.Format(born) : null, Details("Born")),
            new("Gender", child.Gender?.DisplayName(), Details("Gender")),
            new("Address", Lines([child.AddressLine1, child.AddressLine2, child.Town, child.Postcode]), Details("AddressLine1"),
                LongText: true),
            new("School or setting", child.SchoolOrSetting, Details("SchoolOrSetting")),
            new("How the concerns affect them", child.HowConcernsAffectChild, Experience("HowConcernsAffectChild"), LongText: true),
            new("The child's voice", child.ChildsVoice, Experience("ChildsVoice"), LongText: true),
        };
        rows.InsertRange(5, ChildIdentityDisplay.Rows(child).Select(r => new SummaryRow(r.Key, r.Value, Details(r.Field), LongText: true)));
        if (hasSiblings)
        {
            rows.Add(new("Brothers' and sisters' experiences", child.SiblingsExperiences, Experience("SiblingsExperiences"),
                LongText: true));
        }

        return new SummaryCard(child.DisplayName, $"Child_{child.Id}", incomplete, rows);
    }

    private SummaryCard HouseholdCard(bool incomplete)
    {
        var adults = Referral.Adults.OrderBy(a => a.Order).ToList();
        var rows = adults.Select(adult => new SummaryRow(adult.DisplayName, Lines(
            [
                adult.Relationship,
                adult.LivesWithChildren == true ? "Lives with the children" : "Lives elsewhere",
                adult.DateOfBirth is { } born ? $"Born {UkCalendar.Format(born)}" : null,
                adult.KnowsAboutReferral == true ? "Knows about this referral" : "Does not know about this referral",
            ]), Change(id => ReferralRoutes.Adult(id, adult.Id)), LongText: true)).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new("Adults", null, Change(ReferralRoutes.Household)));
        }

        return new SummaryCard("Household members and significant adults", nameof(ReferralSection.Household), incomplete, rows);
    }

    private SummaryCard ConcernsCard(bool incomplete)
    {
        var concerns = Referral.Concerns;
        var followUps = Referral.FollowUps;
        var rows = new List<SummaryRow>
        {
            new("What happened", concerns.WhatHappened, Change(ReferralRoutes.Concerns, "WhatHappened"), LongText: true),
            new("Risk factors", concerns.RiskFactors, Change(ReferralRoutes.Concerns, "RiskFactors"), LongText: true),
            new("Protective factors", concerns.ProtectiveFactors, Change(ReferralRoutes.Concerns, "ProtectiveFactors"), LongText: true),
            new("Analysis", concerns.Analysis, Change(ReferralRoutes.Concerns, "Analysis"), LongText: true),
            new("What the referrer expects to happen", concerns.ExpectedOutcome, Change(ReferralRoutes.Concerns, "ExpectedOutcome"),
                LongText: true),
            new("History", concerns.History, Change(ReferralRoutes.Background, "History"), LongText: true),
            new("Previous help and how it worked", concerns.PreviousHelp, Change(ReferralRoutes.Background, "PreviousHelp"),
                LongText: true),
            new("Other professionals and their views", concerns.OtherProfessionals, Change(ReferralRoutes.Background, "OtherProfessionals"),
                LongText: true),
        };
        string? Categories(string field) => Change(ReferralRoutes.Categories, field);
        if (Referral.HasCategory(ConcernCategory.ChildSexualExploitation))
        {
            rows.Add(new("Signs of sexual exploitation", followUps.CseDetails, Categories("CseDetails"), LongText: true));
            rows.Add(new("People and places linked to it", followUps.CsePeopleAndPlaces, Categories("CsePeopleAndPlaces"), LongText: true));
            rows.Add(new("CSE risk tool completed", ReferralDisplay.YesNo(followUps.CseRiskToolCompleted),
                Categories("CseRiskToolCompleted")));
        }

        if (Referral.HasCategory(ConcernCategory.ChildCriminalExploitation))
        {
            rows.Add(new("Signs of criminal exploitation", followUps.CceDetails, Categories("CceDetails"), LongText: true));
        }

        if (Referral.HasCategory(ConcernCategory.FemaleGenitalMutilation))
        {
            rows.Add(new("Police told about the FGM", ReferralDisplay.YesNo(followUps.FgmReportedToPolice),
                Categories("FgmReportedToPolice")));
            rows.Add(new("Police reference", followUps.FgmPoliceReference, Categories("FgmPoliceReference")));
        }

        if (Referral.HasCategory(ConcernCategory.Missing))
        {
            rows.Add(new("Going missing", followUps.MissingDetails, Categories("MissingDetails"), LongText: true));
        }

        if (Referral.HasCategory(ConcernCategory.DomesticAbuse))
        {
            rows.Add(new("DASH risk checklist completed", ReferralDisplay.YesNo(followUps.DashCompleted), Categories("DashCompleted")));
        }

        if (Referral.HasCategory(ConcernCategory.Other))
        {
            rows.Add(new("The other concern", followUps.OtherDetails, Categories("OtherDetails"), LongText: true));
        }

        return new SummaryCard("The concerns", nameof(ReferralSection.Concerns), incomplete, rows);
    }

    private SummaryRow CategoriesRow()
    {
        var categories = (Referral.Categories ?? []).Select(ConcernCategory.Find).OfType<ConcernCategory>().ToList();
        return new("Categories of concern", Referral.Categories is null ? null : categories.Count == 0 ? "None of these"
            : Lines(categories.Select(c => $"{c.Name} (factor {c.CinFactorCode})")), Change(ReferralRoutes.Categories, "Categories"),
            LongText: true);
    }

    private SummaryCard ConsentCard(bool incomplete)
    {
        var consent = Referral.Consent;
        var communication = Referral.Communication;
        var rows = new List<SummaryRow> { new("Did the parents or carers agree?", consent.Decision?.DisplayName(),
            Change(ReferralRoutes.Consent, "Decision")) };
        if (consent.Decision is ConsentDecision.Refused or ConsentDecision.NotSought)
        {
            var refused = consent.Decision == ConsentDecision.Refused;
            rows.Add(new(refused ? "What they said" : "Why consent was not sought", consent.Reason,
                Change(ReferralRoutes.Consent, refused ? "RefusedReason" : "NotSoughtReason"), LongText: true));
        }

        rows.Add(new("Basis for sharing", consent.SharingBasis?.DisplayName(), Change(ReferralRoutes.Consent, "SharingBasis")));
        rows.Add(new("Interpreter needed",
            communication.InterpreterNeeded == true ? $"Yes: {communication.Language}"
            : ReferralDisplay.YesNo(communication.InterpreterNeeded),
            Change(ReferralRoutes.Communication, "InterpreterNeeded")));
        rows.Add(new("Disability or communication needs",
            communication.HasCommunicationNeeds == true ? communication.CommunicationNeedsDetails
                : ReferralDisplay.YesNo(communication.HasCommunicationNeeds),
            Change(ReferralRoutes.Communication, "HasCommunicationNeeds"), LongText: true));
        return new SummaryCard("Consent and communication", nameof(ReferralSection.ConsentAndCommunication), incomplete, rows);
    }

    private SummaryCard AttachmentsCard()
    {
        var rows = Referral.Attachments.OrderBy(a => a.UploadedAt)
            .Select(a => new SummaryRow(a.Kind == AttachmentKind.Other ? a.Description ?? "Document" : a.Kind.DisplayName(),
                $"{a.FileName} ({AttachmentSize.Describe(a.SizeBytes)})", Change(ReferralRoutes.Attachments),
                    ValueHref: AttachmentLink(a.Id)))
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add(new("Files", "None attached", Change(ReferralRoutes.Attachments)));
        }

        return new SummaryCard("Attachments", nameof(ReferralSection.Attachments), false, rows);
    }

    private SummaryCard ContactCard(bool incomplete)
    {
        var contact = Referral.Referrer;
        return new SummaryCard("Referrer's contact details", nameof(ReferralSection.ReferrerDetails), incomplete,
        [
            new("Name", contact.Name),
            new("Role", contact.JobTitle),
            new("Organisation", contact.OrganisationName),
            new("Email", contact.Email),
            new("Phone", contact.Phone, Change(ReferralRoutes.YourDetails, "Phone")),
        ]);
    }
}
