using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>
/// The practitioner holding the case proposes its decision: final rating, the MASH's level, outcome, need
/// and factors, the reasons, the lawful basis where the family did not consent, next steps and the team
/// taking it on. It goes to a MASH manager for sign-off; a returned proposal is revised here.
/// </summary>
public sealed class DecisionModel(IMediator mediator, TimeProvider clock)
    : CaseFormModel<DecisionModel.Propose, DecisionModel.Result>(mediator, clock)
{
    public const int NextStepSlots = 3;

    protected override IRequest<Result?> ViewQuery(Guid caseId) => new Query(caseId);

    protected override void Fill(Result view, FormLoad load)
    {
        if (load == FormLoad.Opened)
        {
            Data = Propose.From(view.Returned?.Decision, view.ScreeningRating);
        }

        // Siblings get a choice each, kept as posted when the form shows again; an only child's outcome is the one question.
        Data.Children = view.Children.Count < 2 ? [] : [.. view.Children.Select(child => new ChildChoice
        {
            ReferralChildId = child.Id,
            Outcome = Data.Children.Find(c => c.ReferralChildId == child.Id)?.Outcome,
        })];

        while (Data.NextSteps.Count < NextStepSlots)
        {
            Data.NextSteps.Add(new NextStepEntry());
        }
    }

    public sealed record Query(Guid CaseId) : IQuery<Result?>;

    public sealed record LevelOption(ThresholdLevel Level, string Name, string Summary);

    /// <summary>A child the referral names, in the referral's order.</summary>
    public sealed record ChildOption(Guid Id, string Name);

    /// <summary>
    /// The decision to revise: a proposal a manager returned (with their comments), or the approved decision of a case a
    /// manager reopened by answering the referrer's escalation "Changed" (with that answer).
    /// </summary>
    public sealed record ReturnedProposal(CaseDecision Decision, string ReturnedBy, string? Comments)
    {
        public bool AfterEscalation => Decision.State == DecisionState.Approved;
    }

    public sealed record Result(
        Guid CaseId,
        string Reference,
        MashCaseStatus Status,
        BragRating? ScreeningRating,
        ThresholdLevel? ReferrerLevel,
        string? HolderName,
        bool HeldByMe,
        ConsentDecision? Consent,
        IReadOnlyList<LevelOption> Levels,
        IReadOnlyList<string> OutstandingAgencies,
        ReturnedProposal? Returned,
        IReadOnlyList<ChildOption> Children,
        IReadOnlyList<string> SiblingsInEarlyHelp,
        uint Version) : ICaseFormView
    {
        public bool ConsentObtained => Consent == ConsentDecision.Obtained;

        public bool CanPropose => Status == MashCaseStatus.AwaitingDecision && HeldByMe && OutstandingAgencies.Count == 0;
    }

    public sealed class NextStepEntry
    {
        public string? Action { get; set; }
        public string? Who { get; set; }
        public DateParts By { get; set; } = new();

        public bool IsEmpty => string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(Who) && By.IsEmpty;
    }

    /// <summary>One child's outcome when it differs from the outcome for all the children; null keeps that one.</summary>
    public sealed class ChildChoice
    {
        public Guid ReferralChildId { get; set; }
        public DecisionOutcome? Outcome { get; set; }
    }

    public sealed class Propose : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public BragRating? Rating { get; set; }
        public string? RatingChangeReason { get; set; }
        public ThresholdLevel? Level { get; set; }

        /// <summary>The outcome for every child not given one of their own in <see cref="Children"/>.</summary>
        public DecisionOutcome? Outcome { get; set; }

        /// <summary>Each child's own outcome where it differs (docs/decisions/0092); empty: all have <see cref="Outcome"/>.</summary>
        public List<ChildChoice> Children { get; set; } = [];

        public PrimaryNeed? PrimaryNeed { get; set; }
        public List<string> Factors { get; set; } = [];
        public string? Rationale { get; set; }
        public string? ReasonsForReferrer { get; set; }
        public LawfulBasis? LawfulBasis { get; set; }
        public string? LawfulBasisNotes { get; set; }
        public List<NextStepEntry> NextSteps { get; set; } = [];
        public string? HandoverTo { get; set; }

        /// <summary>Why the family's children are in different processes, when a brother or sister is open to early help.</summary>
        public string? SiblingsInEarlyHelpReason { get; set; }

        /// <summary>The form as the returned proposal left it, or with the screening rating chosen.</summary>
        public static Propose From(CaseDecision? returned, BragRating? screening) => returned is null
            ? new Propose { Rating = screening }
            : new Propose
            {
                Rating = returned.Rating,
                RatingChangeReason = returned.RatingChangeReason,
                Level = returned.Level,
                Outcome = returned.Outcome,
                Children = [.. returned.ChildOutcomes.Where(c => c.Outcome != returned.Outcome)
                    .Select(c => new ChildChoice { ReferralChildId = c.ReferralChildId, Outcome = c.Outcome })],
                PrimaryNeed = returned.PrimaryNeed,
                Factors = [.. returned.Factors],
                Rationale = returned.Rationale,
                ReasonsForReferrer = returned.ReasonsForReferrer,
                LawfulBasis = returned.LawfulBasis,
                LawfulBasisNotes = returned.LawfulBasisNotes,
                NextSteps = [.. returned.NextSteps.Select(s =>
                    new NextStepEntry { Action = s.Action, Who = s.Who, By = DateParts.From(s.By) })],
                HandoverTo = returned.HandoverTo,
                SiblingsInEarlyHelpReason = returned.SiblingsInEarlyHelpReason,
            };

        /// <summary>Each child's outcome: their own, else the one for all the children; null when neither was chosen.</summary>
        public DecisionOutcome? OutcomeFor(Guid referralChildId) =>
            Children.Find(c => c.ReferralChildId == referralChildId)?.Outcome ?? Outcome;
    }

    public sealed class Validator : AbstractValidator<Propose>
    {
        public Validator(PortalDbContext db)
        {
            RuleFor(p => p.Rating).NotNull().WithMessage("Select the final BRAG rating").IsInEnum()
                .WithMessage("Select the final BRAG rating");
            RuleFor(p => p.RatingChangeReason).Answer("Why the rating changed", CaseDecision.RatingChangeReasonMaxLength);
            RuleFor(p => p.Level).NotNull().WithMessage("Select the MASH's threshold level").IsInEnum()
                .WithMessage("Select the MASH's threshold level");
            RuleFor(p => p.Outcome).NotNull().When(p => p.Children.Count == 0).WithMessage("Select the outcome").IsInEnum()
                .WithMessage("Select the outcome");
            RuleForEach(p => p.Children).ChildRules(child =>
                child.RuleFor(c => c.Outcome).IsInEnum().WithMessage("Select an outcome from the list"));
            RuleFor(p => p.PrimaryNeed).NotNull().WithMessage("Select the primary need").IsInEnum().WithMessage("Select the primary need");
            RuleFor(p => p.Factors).Must(f => f.Count <= CaseDecision.MaxFactors)
                .WithMessage($"Select {CaseDecision.MaxFactors} factors or fewer");
            RuleForEach(p => p.Factors).Must(CinFactors.IsKnown).WithMessage("Select factors from the list");
            RuleFor(p => p.Rationale)
                .RequiredAnswer("Explain the decision in plain language", "The rationale", CaseDecision.RationaleMaxLength);
            RuleFor(p => p.ReasonsForReferrer).RequiredAnswer("Give the reasons the referrer can be told", "The reasons for the referrer",
                CaseDecision.ReasonsForReferrerMaxLength);
            RuleFor(p => p.LawfulBasis).IsInEnum().WithMessage("Select the lawful basis for proceeding");
            RuleFor(p => p.LawfulBasisNotes).Answer("The notes on the lawful basis", CaseDecision.LawfulBasisNotesMaxLength);
            RuleFor(p => p.HandoverTo).Answer("The team", CaseDecision.HandoverMaxLength);
            RuleFor(p => p.SiblingsInEarlyHelpReason).Answer("The reason", CaseDecision.SiblingsReasonMaxLength);
            RuleFor(p => p.NextSteps).Must(s => s.Count <= CaseDecision.MaxNextSteps)
                .WithMessage($"Enter {CaseDecision.MaxNextSteps} next steps or fewer");
            RuleForEach(p => p.NextSteps).ChildRules(step =>
            {
                step.RuleFor(s => s.Action).NotEmpty().When(s => !s.IsEmpty).WithMessage("Say what the next step is")
                    .Answer("The next step", NextStep.ActionMaxLength);
                step.RuleFor(s => s.Who).NotEmpty().When(s => !s.IsEmpty).WithMessage("Say who will do it")
                    .Answer("Who", NextStep.WhoMaxLength);
                step.RuleFor(s => s.By).Must(d => d.IsEmpty || d.ToDate() is not null).WithMessage("The date must be a real date");
            });

            // The rules that depend on the case and its referral, shown as field errors like the others.
            RuleFor(p => p).CustomAsync(async (proposal, context, cancellationToken) =>
            {
                var facts = await db.MashCases.AsNoTracking().Where(c => c.Id == proposal.CaseId)
                    .Select(c =>
                        new { c.Rating, c.ReferralId,
                        Consent = db.Referrals.Where(r => r.Id == c.ReferralId).Select(r => r.Consent.Decision).FirstOrDefault() })
                    .SingleOrDefaultAsync(cancellationToken);
                if (facts is null)
                {
                    return;
                }

                var children = await PerChild.ChildrenAsync(db, facts.ReferralId, cancellationToken);
                PerChild.Failures(proposal, children, context);
                if (children.Any(c => proposal.OutcomeFor(c.Id) is { } outcome && outcome != DecisionOutcome.StepDownToEarlyHelp)
                    && string.IsNullOrWhiteSpace(proposal.SiblingsInEarlyHelpReason)
                    && (await EarlyHelpSiblings.InEarlyHelpAsync(db, proposal.CaseId, cancellationToken)).Count > 0)
                {
                    context.AddFailure(nameof(Propose.SiblingsInEarlyHelpReason), CaseDecision.SiblingsReasonRefusal);
                }

                if (facts.Rating is { } screening && proposal.Rating is { } final && final != screening
                    && string.IsNullOrWhiteSpace(proposal.RatingChangeReason))
                {
                    context.AddFailure(nameof(Propose.RatingChangeReason), $"Say why the rating changed from {screening} to {final}");
                }

                if (facts.Consent != ConsentDecision.Obtained && proposal.LawfulBasis is null)
                {
                    context.AddFailure(nameof(Propose.LawfulBasis), "The family did not consent: select the lawful basis for proceeding");
                }
            });
        }
    }

    /// <summary>The referral's children and each one's outcome on the form (docs/decisions/0092).</summary>
    private static class PerChild
    {
        /// <summary>
        /// Every child needs an outcome: their own or the one for all the children, each missing one named where the form asks it;
        /// and any child's statutory outcome needs the team the case is handed to.
        /// </summary>
        public static void Failures(Propose proposal, IReadOnlyList<ChildOption> children,
            ValidationContext<Propose> context)
        {
            var missing = children.Where(c => proposal.OutcomeFor(c.Id) is null).ToList();
            if (missing.Count > 0 && proposal.Children.Count > 0)
            {
                context.AddFailure(nameof(Propose.Outcome), "Select the outcome for all the children, or an outcome for each child");
                foreach (var child in missing)
                {
                    var index = proposal.Children.FindIndex(c => c.ReferralChildId == child.Id);
                    var field = index < 0 ? nameof(Propose.Outcome) : $"{nameof(Propose.Children)}[{index}].{nameof(ChildChoice.Outcome)}";
                    context.AddFailure(field, $"Select the outcome for {child.Name}");
                }
            }

            if (children.Any(c => proposal.OutcomeFor(c.Id)?.IsStatutory() == true) && string.IsNullOrWhiteSpace(proposal.HandoverTo))
            {
                context.AddFailure(nameof(Propose.HandoverTo), "Say which team the case is handed over to");
            }
        }

        /// <summary>The referral's children, in its order.</summary>
        public static async Task<IReadOnlyList<ChildOption>> ChildrenAsync(PortalDbContext db, Guid referralId, CancellationToken ct) =>
            [.. (await db.ReferralChildren.AsNoTracking().Where(c => c.ReferralId == referralId).OrderBy(c => c.Order).ToListAsync(ct))
                .Select(c => new ChildOption(c.Id, c.DisplayName))];
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            // Every case has its referral: a join, which reads one row (ADR 0137).
            var found = await (
                from c in db.MashCases.AsNoTracking().Where(c => c.Id == request.CaseId)
                join r in db.Referrals on c.ReferralId equals r.Id
                select new
                {
                    c.Id, c.Reference, c.Status, c.Rating, c.ReferrerLevel, c.AssignedToUserId, c.Version, c.ReferralId,
                    Holder = db.Users.Where(u => u.Id == c.AssignedToUserId).Select(u => u.FullName).FirstOrDefault(),
                    Referral = new { r.ThresholdDocumentId, r.Consent.Decision },
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            var document = await db.DocumentAsync(found.Referral.ThresholdDocumentId, cancellationToken);
            var levels = Enum.GetValues<ThresholdLevel>().OrderByDescending(l => l)
                .Select(level => document.Describe(level))
                .Select(d => new LevelOption(d.Level, d.Name, d.Summary))
                .ToList();
            var checklist = await CaseInformationChecks.ChecklistAsync(db, found.Id, cancellationToken);
            var latest = await db.CaseDecisions.AsNoTracking().Where(d => d.CaseId == found.Id).OrderByDescending(d => d.Revision)
                .FirstOrDefaultAsync(cancellationToken);
            ReturnedProposal? returned = null;
            if (latest is { State: DecisionState.Returned } && found.Status == MashCaseStatus.AwaitingDecision)
            {
                var by = await db.Users.Where(u => u.Id == latest.ReviewedByUserId).Select(u => u.FullName)
                    .FirstOrDefaultAsync(cancellationToken);
                returned = new ReturnedProposal(latest, by ?? "A manager", latest.ReviewComments);
            }
            else if (latest is { State: DecisionState.Approved } && found.Status == MashCaseStatus.AwaitingDecision)
            {
                var answer = await db.Escalations.Where(e => e.CaseId == found.Id && e.Result == EscalationResult.Changed)
                    .OrderByDescending(e => e.AnsweredAt)
                    .Select(e => new { e.Response, By = db.Users.Where(u => u.Id == e.AnsweredByUserId)
                        .Select(u => u.FullName).FirstOrDefault() })
                    .FirstOrDefaultAsync(cancellationToken);
                returned = new ReturnedProposal(latest, answer?.By ?? "A manager", answer?.Response);
            }

            return new Result(found.Id, found.Reference, found.Status, found.Rating, found.ReferrerLevel, found.Holder,
                found.AssignedToUserId == user.Id,
                found.Referral.Decision, levels, [.. checklist.Outstanding.Select(a => a.Name)], returned,
                await PerChild.ChildrenAsync(db, found.ReferralId, cancellationToken),
                await EarlyHelpSiblings.InEarlyHelpAsync(db, found.Id, cancellationToken), found.Version);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock, DecisionClock decisionClock)
        : IRequestHandler<Propose, CommandResult>
    {
        public Task<CommandResult> Handle(Propose request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, mashCase => ProposeAsync(request, mashCase, cancellationToken), cancellationToken);

        private async Task<CommandResult?> ProposeAsync(Propose request, MashCase mashCase, CancellationToken cancellationToken)
        {
            if (mashCase.AssignedToUserId != user.Id)
            {
                return new CommandResult.Refused("Only the practitioner holding the case can propose its decision. Ask a manager to " +
                    "assign it to you.");
            }

            // The checklist is checked again here: an agency added since the case moved to decision holds it back.
            var checklist = await CaseInformationChecks.ChecklistAsync(db, mashCase.Id, cancellationToken);
            var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == mashCase.ReferralId)
                .Select(r => new { r.ThresholdDocumentId, r.Consent.Decision }).SingleAsync(cancellationToken);
            var revision = (await db.CaseDecisions.Where(d => d.CaseId == mashCase.Id).MaxAsync(d => (int?)d.Revision, cancellationToken)
                ?? 0) + 1;
            var previousRating = mashCase.Rating;
            CaseChecks.EnsureReadyForDecision(checklist);
            // Every child the referral names gets an outcome, in its order; the validator made sure each has one.
            var children = await PerChild.ChildrenAsync(db, mashCase.ReferralId, cancellationToken);
            var siblings = await EarlyHelpSiblings.InEarlyHelpAsync(db, mashCase.Id, cancellationToken);
            var decision = CaseDecision.Propose(mashCase, new DecisionProposal(
                request.Rating!.Value, request.RatingChangeReason, request.Level!.Value, referral.ThresholdDocumentId,
                [.. children.Select(c => new ChildOutcome(c.Id, request.OutcomeFor(c.Id)!.Value))],
                request.PrimaryNeed!.Value, request.Factors, request.Rationale!, referral.Decision == ConsentDecision.Obtained,
                request.LawfulBasis, request.LawfulBasisNotes,
                [.. request.NextSteps.Where(s => !s.IsEmpty).Select(s => new NextStep(s.Action!.Trim(), s.Who!.Trim(), s.By.ToDate()))],
                request.HandoverTo)
            {
                ReasonsForReferrer = request.ReasonsForReferrer!, SiblingsOpenToEarlyHelp = siblings.Count > 0,
                SiblingsInEarlyHelpReason = request.SiblingsInEarlyHelpReason,
            }, revision, user.Id, clock.GetUtcNow());
            mashCase.SubmitDecision(decision, decisionClock);

            db.CaseDecisions.Add(decision);
            var subject = mashCase.Id.ToString();
            if (mashCase.Rating != previousRating)
            {
                audit.Record(CaseEvents.Rated, CaseEvents.SubjectType, subject, $"{mashCase.Rating} (was {previousRating}), at decision");
            }

            audit.Record(CaseEvents.DecisionSubmitted, CaseEvents.SubjectType, subject,
                $"{decision.Outcome.DisplayName()}; revision {decision.Revision}");
            if (decision.SiblingsInEarlyHelpReason is not null)
            {
                audit.Record(CaseEvents.SiblingsInEarlyHelp, CaseEvents.SubjectType, subject,
                    $"{Plural.Of(siblings.Count, "sibling", "siblings")} open to early help; reason recorded");
            }
            return null;
        }
    }
}
