using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Web;
using ThresholdPortal.Web.Pages.Referrals;
using ThresholdPortal.Web.Pages.Referrals.Draft;

namespace ThresholdPortal.DemoData;

/// <summary>A child as the referrer describes them on the child's pages.</summary>
public sealed record DemoChild(string GivenName, string FamilyName, DateOnly DateOfBirth, string[] IndicatorCodes)
{
    public ChildGender Gender { get; init; } = ChildGender.NotKnown;
    public string AddressLine1 { get; init; } = "12 Mill Lane";
    public string Town { get; init; } = "Northtown";
    public string Postcode { get; init; } = "NT2 4AB";
    public string? SchoolOrSetting { get; init; }
    public ChildIdentity? Identity { get; init; }
    public string HowConcernsAffectChild { get; init; } = $"{GivenName} is anxious and finding it hard to concentrate.";
    public string? ChildsVoice { get; init; }
    public string? SiblingsExperiences { get; init; }
}

/// <summary>An adult in the household as the referrer adds them.</summary>
public sealed record DemoAdult(string GivenName, string FamilyName, string Relationship, bool LivesWithChildren = true,
    bool KnowsAboutReferral = false);

/// <summary>
/// The answers a referrer gives, page by page; what the demo and the tests send through <see cref="ReferrerJourney"/>.
/// A null <see cref="Level"/> leaves a draft before the level is chosen.
/// </summary>
public sealed record DemoReferral(IReadOnlyList<DemoChild> Children, ThresholdLevel? Level)
{
    public IReadOnlyList<DemoAdult> Adults { get; init; } = [];
    public IReadOnlyList<ConcernCategory> Categories { get; init; } = [];
    public EarlyHelpChoice? EarlyHelpChoice { get; init; }
    public string? ReasonForMashReferral { get; init; }
    public string WhatHappened { get; init; } = string.Empty;
    public string RiskFactors { get; init; } = "None known.";
    public string ProtectiveFactors { get; init; } = "None known.";
    public string? Analysis { get; init; }
    public string ExpectedOutcome { get; init; } = "Advice from the MASH.";
    public string History { get; init; } = "None known.";
    public string PreviousHelp { get; init; } = "None known.";
    public string OtherProfessionals { get; init; } = "None.";
    public ConsentDecision Consent { get; init; } = ConsentDecision.Obtained;
    public string? ConsentReason { get; init; }
    public InformationSharingBasis SharingBasis { get; init; } = InformationSharingBasis.Consent;
    public string Phone { get; init; } = "01632 960001";
}

/// <summary>
/// A referral as its referrer writes it: "Before you start", then each draft page's own command, then
/// "Check your answers" and send, each at its moment in the demo's past. The send opens the MASH case (or
/// lists the early help request) and records the events the live journey records.
/// </summary>
public sealed class ReferrerJourney(PortalActor actor)
{
    /// <summary>How long a referrer spends on each page.</summary>
    private static readonly TimeSpan PerPage = TimeSpan.FromMinutes(2);

    /// <summary>Writes the whole referral so that it is sent at <paramref name="sentAt"/>; returns its reference.</summary>
    public async Task<string> SendAsync(PortalUser referrer, DemoReferral referral, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var pages = 4 + (referral.Children.Count * 4) + referral.Adults.Count + 7;
        var moments = new Moments(sentAt - (PerPage * pages));
        var draft = await StartAsync(referrer, referral, moments);
        foreach (var (child, id) in referral.Children.Zip(draft.ChildIds))
        {
            CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new ChildDetailsModel.Command
            {
                DraftId = draft.Id, ChildId = id, GivenName = child.GivenName, FamilyName = child.FamilyName, Born = true,
                DateOfBirth = DateParts.From(child.DateOfBirth), Gender = child.Gender, AddressLine1 = child.AddressLine1,
                Town = child.Town, Postcode = child.Postcode, SchoolOrSetting = child.SchoolOrSetting,
                Identity = child.Identity ?? new(),
            }, moments.Next()), "The child's details");
            _ = CommandOutcomes.Found(await actor.SendAsync(referrer, new ChildExperienceModel.Command
            {
                DraftId = draft.Id, ChildId = id, HowConcernsAffectChild = child.HowConcernsAffectChild, ChildsVoice = child.ChildsVoice,
                SiblingsExperiences = child.SiblingsExperiences,
            }, moments.Next()), "The child's experience");
        }

        foreach (var adult in referral.Adults)
        {
            CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new AdultModel.Command
            {
                DraftId = draft.Id, GivenName = adult.GivenName, FamilyName = adult.FamilyName, Relationship = adult.Relationship,
                LivesWithChildren = adult.LivesWithChildren, KnowsAboutReferral = adult.KnowsAboutReferral,
            }, moments.Next()), "An adult in the household");
        }

        await SendAnswersAsync(referrer, draft.Id, referral, moments);
        return CommandOutcomes.Found(await actor.SendAsync(referrer, new CheckAnswersModel.Submit { DraftId = draft.Id }, sentAt),
            "The referral");
    }

    /// <summary>
    /// A draft as far as the threshold level: "Before you start", the screening questions, the children's names
    /// and the indicators the referrer sees, and their choice of level if it has one (and pathway, where early
    /// help is offered).
    /// </summary>
    public async Task<Guid> StartAsync(PortalUser referrer, DemoReferral referral, DateTimeOffset startedAt) =>
        (await StartAsync(referrer, referral, new Moments(startedAt))).Id;

    private async Task<(Guid Id, List<Guid> ChildIds)> StartAsync(PortalUser referrer, DemoReferral referral, Moments moments)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var draftId = CommandOutcomes.EnsureSaved(
            await actor.SendAsync(referrer, new NewModel.Command { IdempotencyKey = Guid.CreateVersion7() }, moments.Next()),
            "A new draft");
        _ = CommandOutcomes.Found(await actor.SendAsync(referrer, new ScreeningModel.Command
        {
            DraftId = draftId, ChildInImmediateDanger = false,
            Fgm = referral.Categories.Contains(ConcernCategory.FemaleGenitalMutilation) ? FgmConcern.AtRisk : FgmConcern.None,
        }, moments.Next()), "The screening questions");
        var childIds = new List<Guid>();
        foreach (var child in referral.Children)
        {
            childIds.Add(CommandOutcomes.Found(await actor.SendAsync(referrer,
                new AddChildModel.Command { DraftId = draftId, GivenName = child.GivenName, FamilyName = child.FamilyName },
                moments.Next()),
                "A child"));
            CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new ChildIndicatorsModel.Command
            {
                DraftId = draftId, ChildId = childIds[^1], IndicatorCodes = [.. child.IndicatorCodes],
            }, moments.Next()), "The child's indicators");
        }

        if (referral.Level is null)
        {
            return (draftId, childIds);
        }

        var earlyHelpOffered = CommandOutcomes.Found(await actor.SendAsync(referrer,
            new LevelModel.Command { DraftId = draftId, ChosenLevel = referral.Level }, moments.Next()), "The level");
        if (earlyHelpOffered)
        {
            var choice = referral.EarlyHelpChoice
                ?? throw new InvalidOperationException("Early help is offered for this referral's level: the demo must choose a pathway.");
            CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new EarlyHelpModel.Command
            {
                DraftId = draftId, Choice = choice, ReasonForMashReferral = referral.ReasonForMashReferral,
            }, moments.Next()), "The early help pathway");
        }

        return (draftId, childIds);
    }

    private async Task SendAnswersAsync(PortalUser referrer, Guid draftId, DemoReferral referral, Moments moments)
    {
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new ConcernsModel.Command
        {
            DraftId = draftId, WhatHappened = referral.WhatHappened, RiskFactors = referral.RiskFactors,
            ProtectiveFactors = referral.ProtectiveFactors, Analysis = referral.Analysis, ExpectedOutcome = referral.ExpectedOutcome,
        }, moments.Next()), "The concerns");
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new BackgroundModel.Command
        {
            DraftId = draftId, History = referral.History, PreviousHelp = referral.PreviousHelp,
            OtherProfessionals = referral.OtherProfessionals,
        }, moments.Next()), "The background");
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, Categories(draftId, referral.Categories), moments.Next()),
            "The categories");
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new ConsentModel.Command
        {
            DraftId = draftId, Decision = referral.Consent, SharingBasis = referral.SharingBasis,
            RefusedReason = referral.Consent == ConsentDecision.Refused ? referral.ConsentReason : null,
            NotSoughtReason = referral.Consent == ConsentDecision.NotSought ? referral.ConsentReason : null,
        }, moments.Next()), "The consent");
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer, new CommunicationModel.Command
        {
            DraftId = draftId, InterpreterNeeded = false, HasCommunicationNeeds = false,
        }, moments.Next()), "The communication needs");
        CommandOutcomes.EnsureSaved(await actor.SendAsync(referrer,
            new YourDetailsModel.Command { DraftId = draftId, Phone = referral.Phone }, moments.Next()), "The referrer's details");
    }

    /// <summary>The categories page, with the follow-up answers each category asks for.</summary>
    private static CategoriesModel.Command Categories(Guid draftId, IReadOnlyList<ConcernCategory> categories)
    {
        bool Has(ConcernCategory category) => categories.Contains(category);
        return new CategoriesModel.Command
        {
            DraftId = draftId,
            Categories = categories.Count == 0 ? [CategoriesModel.NoneOfThese] : [.. categories.Select(c => c.Key)],
            CseDetails = Has(ConcernCategory.ChildSexualExploitation) ? "Gifts, a new phone and an older boyfriend nobody has met." : null,
            CsePeopleAndPlaces = Has(ConcernCategory.ChildSexualExploitation) ? "A grey car seen at the school gate; not known." : null,
            CseRiskToolCompleted = Has(ConcernCategory.ChildSexualExploitation) ? true : null,
            CceDetails = Has(ConcernCategory.ChildCriminalExploitation) ? "Cash, two phones and trips to another town." : null,
            MissingDetails = Has(ConcernCategory.Missing) ? "Missing twice this month, overnight each time." : null,
            FgmReportedToPolice = Has(ConcernCategory.FemaleGenitalMutilation) ? true : null,
            DashCompleted = Has(ConcernCategory.DomesticAbuse) ? true : null,
        };
    }

    /// <summary>The moments a referrer moves from page to page.</summary>
    private sealed class Moments(DateTimeOffset start)
    {
        private DateTimeOffset at = start - PerPage;

        public DateTimeOffset Next() => at += PerPage;
    }
}
