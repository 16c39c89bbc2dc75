using FluentValidation.Results;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// Check your answers: every section with change links, the quality panel (advice, never a block) and the
/// send button. Sending stores everything in one transaction and gives the reference.
/// </summary>
public sealed class CheckAnswersModel(IMediator mediator) : DraftPageModel, IReloadOnInvalid
{
    [BindProperty]
    public Submit Data { get; set; } = new();

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        return OutcomeOf(await mediator.Send(Data), reference => Redirect(ReferralRoutes.Confirmation(reference)));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var view = await mediator.Send(new Query(DraftId), cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }

    public sealed record Query(Guid DraftId) : IQuery<Result?>;

    public sealed record FlagLink(string Answer, string Message, string Href);

    public sealed record Result(ReferralSummary Summary, IReadOnlyList<FlagLink> Flags, IReadOnlyList<ReferralSection> Incomplete);

    /// <summary>Sends the draft; saved with its reference (the same one if it was already sent), or not found.</summary>
    public sealed class Submit : ICommand<CommandResult<string>>
    {
        public Guid DraftId { get; set; }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user, ReadCache cache) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var summary = await ReferralSummary.LoadAsync(db, db.Referrals.OwnDraft(request.DraftId, user), editable: true,
                cancellationToken);
            if (summary is null)
            {
                return null;
            }

            var referral = summary.Referral;
            var children = referral.Children.ToDictionary(c => c.Id, c => c.DisplayName);
            var flags = ReferralQualityChecks.Check(referral, await db.GlossaryAsync(cache, cancellationToken))
                .Select(f => new FlagLink(
                    ReferralRoutes.LabelOf(f.Field)
                        + (f.ChildId is { } child && children.TryGetValue(child, out var name) ? $" ({name})" : string.Empty),
                    f.Message,
                    ReferralRoutes.ForAnswer(referral.Id, f.Field, f.ChildId)))
                .ToList();
            return new Result(summary, flags, ReferralProgress.Of(referral).Incomplete);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock, IConfiguration configuration,
        MashIntake intake, EarlyHelpIntake earlyHelp, ReadCache cache)
        : IRequestHandler<Submit, CommandResult<string>>
    {
        /// <summary>
        /// How long another instance's change of an organisation's kind can take to reach this one's sends (their referral
        /// source code for the census). A change made through this instance shows at once (ADR 0132).
        /// </summary>
        public static readonly TimeSpan OrganisationKindKeep = TimeSpan.FromMinutes(1);

        public async Task<CommandResult<string>> Handle(Submit request, CancellationToken cancellationToken)
        {
            // The draft's row is read and locked by one statement: a second send of the same draft waits there, then finds
            // it already sent and answers with the same reference. Its children, adults and attachments are read after the
            // lock is held, each by a statement of its own, so a change to the draft that committed while this send waited
            // is sent with it. One statement for all four would read them as they were before the wait.
            var referral = await db.Referrals
                .FromSql($"SELECT * FROM \"Referrals\" WHERE \"Id\" = {request.DraftId} AND \"ReferrerUserId\" = {user.Id} FOR UPDATE")
                .Include(r => r.Children).Include(r => r.Adults).Include(r => r.Attachments)
                .AsSplitQuery()
                .SingleOrDefaultAsync(cancellationToken);
            if (referral is null)
            {
                return CommandResult.NotFound;
            }

            if (referral.Status != ReferralStatus.Draft)
            {
                return CommandResult.SavedWith(referral.Reference!);
            }

            // Checked here, on the draft this send holds locked, rather than by a validator reading it a second time (issue 18).
            if (ReferralProgress.Of(referral).Incomplete is { Count: > 0 } incomplete)
            {
                throw new RequestValidationException(request, [.. incomplete.Select(section => new ValidationFailure(section.ToString(),
                    $"Complete the section: {ReferralDisplay.Section(section).ToLowerInvariant()}"))]);
            }

            var organisationId = referral.ReferringOrganisationId;
            var organisationKind = await cache.GetOrReadAsync(typeof(Organisation), $"kind:{organisationId}", OrganisationKindKeep,
                () => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Kind).SingleAsync(cancellationToken));
            referral.ReferralSourceCode = organisationKind.ReferralSource().Code;
            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));

            var receivedAt = clock.GetUtcNow();
            var reference = await ReferenceNumbers.NextAsync(db, ReferenceNumbers.Prefix(configuration), receivedAt, cancellationToken);
            referral.Submit(reference, receivedAt, ReferralQualityChecks.Check(referral, await db.GlossaryAsync(cache, cancellationToken)));
            audit.Record(CaseEvents.ReferralSubmitted, CaseEvents.ReferralSubjectType, referral.Id.ToString(),
                $"{reference}; {referral.Kind}; level {(int?)referral.ChosenLevel} (suggested {(int?)referral.SuggestedLevel}); " +
                    $"{referral.QualityFlags.Count} quality flags");

            // Triage (issue 4): a referral to the MASH opens its case in this same transaction, so the queue never misses one.
            intake.OpenCase(referral, ContactChannel.Portal);
            earlyHelp.OpenForRequest(referral);
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(reference);
        }
    }
}
