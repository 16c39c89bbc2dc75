using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Thresholds;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Features.Decisions;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Insights.Audits;

/// <summary>
/// One sampled case as the auditor judges it: the referral as sent, the decision, the agencies asked and
/// the feedback given, beside the judgement form. Opening it is a view of the child's record, so it is in
/// the case's access log. The form carries the judgement's xmin: a save over someone else's is refused.
/// </summary>
public sealed class JudgeModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    public const string StaleMessage =
        "This judgement changed since you opened it. Check the answers below, then save again if they are still right.";

    [BindProperty]
    public Judgement Data { get; set; } = new();

    [FromRoute(Name = "id")]
    public Guid AuditId { get; set; }

    [FromRoute]
    public Guid CaseId { get; set; }

    public View Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid caseId)
    {
        if (!await LoadAsync(id, caseId))
        {
            return NotFound();
        }

        Data = Judgement.From(Case);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid caseId)
    {
        Data.AuditId = id;
        Data.CaseId = caseId;
        return await OutcomeAsync(await mediator.Send(Data), () => Redirect(AuditRoutes.Audit(id)), async () =>
        {
            if (!await LoadAsync(id, caseId))
            {
                return false;
            }

            Data.Version = Case.Version;
            return true;
        }, StaleMessage);
    }

    public const string CompletedMessage = "This audit is completed: its judgements can no longer change.";

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(AuditId, CaseId);

    private async Task<bool> LoadAsync(Guid auditId, Guid caseId)
    {
        var view = await mediator.Send(new Query(auditId, caseId), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        Case = view;
        return true;
    }

    public sealed record Query(Guid AuditId, Guid CaseId) : IQuery<View?>;

    public sealed record AgencyLine(string Agency, string State);

    public sealed record DecisionView(DecisionOutcome Outcome, ThresholdLevel Level, string Rationale, bool ConsentObtained,
        DateTimeOffset? ApprovedAt);

    public sealed record View(
        Guid AuditId, string AuditTitle, bool AuditCompleted, Guid CaseId, string Reference, AuditStratum Stratum,
            DateTimeOffset ReceivedAt,
        ThresholdLevel? ReferrerLevel, ContactOutcome? ContactOutcome, ContactClosureReason? ClosureReason, DecisionView? Decision,
        IReadOnlyList<AgencyLine> Agencies, string Feedback, ReferralSummary Referral, AuditedCase Judged)
    {
        public uint Version => Judged.Version;
    }

    public sealed class Judgement : ICommand<CommandResult>
    {
        public Guid AuditId { get; set; }
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public LevelJudgement? Level { get; set; }
        public List<string> Features { get; set; } = [];
        public ReferralQuality? Quality { get; set; }
        public AgenciesJudgement? Agencies { get; set; }
        public DecisionAgreement? Agreement { get; set; }
        public FeedbackJudgement? Feedback { get; set; }
        public string? Comments { get; set; }

        public IReadOnlyList<QualityFeature> ChosenFeatures =>
            [.. Features.Select(f =>
                Enum.TryParse<QualityFeature>(f, out var feature) && Enum.IsDefined(feature) ? feature : (QualityFeature?)null)
                .OfType<QualityFeature>().Distinct()];

        public static Judgement From(View view)
        {
            var judged = view.Judged;
            return new Judgement
            {
                AuditId = view.AuditId,
                CaseId = view.CaseId,
                Version = judged.Version,
                Level = judged.Level,
                Features = [.. judged.Features.Select(f => f.ToString())],
                Quality = judged.Quality,
                Agencies = judged.Agencies,
                Agreement = judged.Agreement,
                Feedback = judged.Feedback,
                Comments = judged.Comments,
            };
        }
    }

    public sealed class Validator : AbstractValidator<Judgement>
    {
        public Validator()
        {
            RuleFor(j => j.Level).NotNull().WithMessage("Select whether the referrer indicated the right level").IsInEnum()
                .WithMessage("Select whether the referrer indicated the right level");
            RuleFor(j => j.Features).Must((j, features) => j.ChosenFeatures.Count == features.Distinct().Count())
                .WithMessage("Select only the features listed");
            RuleFor(j => j.Quality).NotNull().WithMessage("Select the referral's overall quality").IsInEnum()
                .WithMessage("Select the referral's overall quality");
            RuleFor(j => j.Agencies).NotNull().WithMessage("Select whether the right agencies were contacted").IsInEnum()
                .WithMessage("Select whether the right agencies were contacted");
            RuleFor(j => j.Agreement).NotNull().WithMessage("Select whether you agree with the decision").IsInEnum()
                .WithMessage("Select whether you agree with the decision");
            RuleFor(j => j.Feedback).NotNull().WithMessage("Select whether feedback was given to the referrer").IsInEnum()
                .WithMessage("Select whether feedback was given to the referrer");
            RuleFor(j => j.Comments).MaximumLength(CaseJudgement.CommentsMaxLength)
                .WithMessage($"The comments must be {CaseJudgement.CommentsMaxLength:N0} characters or fewer");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Query, View?>
    {
        public async Task<View?> Handle(Query request, CancellationToken cancellationToken)
        {
            // Only a case in this audit's sample: any other case id is 404, whatever the role.
            var sampled = await db.AuditedCases.AsNoTracking()
                .Where(c => c.AuditId == request.AuditId && c.CaseId == request.CaseId)
                .Join(db.CaseAudits, c => c.AuditId, a => a.Id, (c, a) => new { Judged = c, a.Title, a.Status })
                .SingleOrDefaultAsync(cancellationToken);
            var mashCase = sampled is null ? null
                : await db.MashCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId, cancellationToken);
            if (sampled is null || mashCase is null)
            {
                return null;
            }

            // Recorded before anything is shown, so no one reads a case without leaving a trace.
            await audit.RecordNowAsync(CaseEvents.Viewed, CaseEvents.SubjectType, mashCase.Id.ToString(), CaseAuditEvents.ViewedDetail,
                cancellationToken);

            // The auditor reads attachment names; downloads stay with the MASH and the referrer.
            var referral = (await ReferralSummary.LoadAsync(db, db.Referrals.Where(r => r.Id == mashCase.ReferralId), editable: false,
                cancellationToken))!
                with { AttachmentLink = _ => null! };
            var decision = mashCase.DecisionId is { } decisionId
                ? await db.CaseDecisions.AsNoTracking().Where(d => d.Id == decisionId)
                    .Select(d => new DecisionView(d.Outcome, d.Level, d.Rationale, d.LawfulBasis == null, d.ReviewedAt))
                    .SingleOrDefaultAsync(cancellationToken)
                : null;
            var now = clock.GetUtcNow();
            var requests = await db.InformationRequests.AsNoTracking().Where(r => r.CaseId == mashCase.Id)
                .OrderBy(r => r.AgencyName).Select(r => new { r.AgencyName, r.State, r.DueAt }).ToListAsync(cancellationToken);
            var notNeeded = await db.AgencyChecksNotNeeded.AsNoTracking().Where(n => n.CaseId == mashCase.Id)
                .OrderBy(n => n.AgencyName).Select(n => new AgencyLine(n.AgencyName, "Not needed: " + n.Reason))
                    .ToListAsync(cancellationToken);
            var feedback = await db.ReferrerFeedback.AsNoTracking()
                .Where(f => f.CaseId == mashCase.Id && f.DecisionId == mashCase.DecisionId)
                .Select(f => new { f.State, f.Method, f.SentAt }).SingleOrDefaultAsync(cancellationToken);
            return new View(
                request.AuditId, sampled.Title, sampled.Status == CaseAuditStatus.Completed, mashCase.Id, mashCase.Reference,
                    sampled.Judged.Stratum,
                mashCase.ReceivedAt, mashCase.ReferrerLevel, mashCase.ContactOutcome, mashCase.ClosureReason, decision,
                [.. requests.Select(r =>
                    new AgencyLine(r.AgencyName, "Asked: " + InformationRequest.StatusOf(r.State, r.DueAt, now).DisplayName())),
                    .. notNeeded],
                feedback switch
                {
                    null => "No feedback recorded",
                    { SentAt: null } => "Drafted, not sent",
                    { SentAt: { } sentAt } =>
                        $"{FeedbackDisplay.State(feedback.State)}. Sent {FeedbackDisplay.SentBy(feedback.Method)} on "
                            + AuditDisplay.Date(sentAt),
                },
                referral, sampled.Judged);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<Judgement,
        CommandResult>
    {
        public async Task<CommandResult> Handle(Judgement request, CancellationToken cancellationToken)
        {
            var caseAudit = await AuditLocks.LockAsync(db, request.AuditId, cancellationToken);
            var sampled = caseAudit is null ? null
                : await db.AuditedCases.SingleOrDefaultAsync(c => c.AuditId == request.AuditId && c.CaseId == request.CaseId,
                    cancellationToken);
            if (caseAudit is null || sampled is null)
            {
                return CommandResult.NotFound;
            }

            if (caseAudit.IsCompleted)
            {
                return new CommandResult.Refused(CompletedMessage);
            }

            if (sampled.Version != request.Version)
            {
                return new CommandResult.Conflict([]);
            }

            caseAudit.Judge(sampled,
                new CaseJudgement(request.Level!.Value, request.ChosenFeatures, request.Quality!.Value, request.Agencies!.Value,
                request.Agreement!.Value, request.Feedback!.Value, request.Comments), user.Id, clock.GetUtcNow());
            audit.Record(CaseAuditEvents.CaseJudged, CaseEvents.SubjectType, request.CaseId.ToString());
            try
            {
                await LostRace.SaveAsync(db, cancellationToken);
                return CommandResult.Saved;
            }
            catch (DbUpdateException lost) when (LostRace.Is(lost))
            {
                db.ChangeTracker.Clear();
                return new CommandResult.Conflict([]);
            }
        }
    }
}
