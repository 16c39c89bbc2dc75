using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.EarlyHelp;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.EarlyHelp.Cases;

/// <summary>
/// Steps the family up to the MASH: in one transaction, a MASH contact naming the same children and adults, with the
/// reason as what happened and the hub's history as the background, opened through the MASH's own intake so it joins
/// the queue like any contact; the hub's work ends as "Stepped up" and links to it (docs/decisions/0109).
/// </summary>
public sealed class StepUpModel(IMediator mediator, TimeProvider clock)
    : EarlyHelpFormModel<StepUpModel.StepUp, EarlyHelpCaseView>(mediator, clock)
{
    protected override IRequest<EarlyHelpCaseView?> ViewQuery(Guid caseId) => new EarlyHelpCaseView.Query(caseId);

    public sealed class StepUp : ICommand<CommandResult>, IEarlyHelpChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public string? Reason { get; set; }
        public bool? ChildInImmediateDanger { get; set; }
    }

    public sealed class Validator : AbstractValidator<StepUp>
    {
        public Validator()
        {
            RuleFor(s => s.Reason).RequiredAnswer("Enter why the family needs the MASH now", "The reason", EarlyHelpCase.ReasonMaxLength);
            RuleFor(s => s.ChildInImmediateDanger).NotNull().WithMessage("Say whether a child is in immediate danger");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock, ICurrentUser user, IConfiguration configuration,
        MashIntake intake, IEmailOutbox outbox) : IRequestHandler<StepUp, CommandResult>
    {
        public Task<CommandResult> Handle(StepUp request, CancellationToken cancellationToken) =>
            EarlyHelpChanges.ChangeAsync(db, request, async work =>
            {
                var now = clock.GetUtcNow();
                var reason = ReferralValidation.Clean(request.Reason)!;
                var contact = await ContactAsync(work, reason, request.ChildInImmediateDanger!.Value, now, cancellationToken);
                var mashCase = intake.OpenCase(contact, ContactChannel.Portal)!;
                work.StepUp(reason, mashCase.Id, now);
                audit.Record(EarlyHelpEvents.SteppedUp, EarlyHelpEvents.SubjectType, work.Id.ToString(), $"As {contact.Reference}");
                audit.Record(CaseEvents.ReceivedFromEarlyHelp, CaseEvents.SubjectType, mashCase.Id.ToString(), $"From {work.Reference}");
                if (!work.IsStepDown)
                {
                    await EarlyHelpForReferrer.TellReferrerAsync(db, outbox, work, EmailTemplate.EarlyHelpEnded, cancellationToken);
                }

                return null;
            }, cancellationToken);

        private async Task<Referral> ContactAsync(EarlyHelpCase work, string reason, bool danger, DateTimeOffset now, CancellationToken ct)
        {
            var original = await db.Referrals.AsNoTracking().Include(r => r.Children).Include(r => r.Adults).AsSplitQuery()
                .SingleAsync(r => r.Id == work.ReferralId, ct);
            var email = await db.Users.Where(u => u.Id == user.Id).Select(u => u.Email).SingleAsync(ct);
            var contact = new Referral
            {
                IdempotencyKey = Guid.CreateVersion7(),
                ReferrerUserId = user.Id,
                ReferringOrganisationId = user.OrganisationId,
                ReferralSourceCode = original.ReferralSourceCode,
                ThresholdDocumentId = await db.CurrentDocumentIdAsync(ct) ?? original.ThresholdDocumentId,
                CreatedAt = now,
                UpdatedAt = now,
                ChildInImmediateDanger = danger,
                Categories = [.. original.Categories ?? []],
                Concerns = { WhatHappened = reason, History = await HistoryAsync(work, original, ct) },
                Referrer = { Name = user.FullName, JobTitle = "Early help hub", Email = email },
            };
            contact.Children.AddRange(original.Children.OrderBy(c => c.Order).Select(c => new ReferralChild
            {
                ReferralId = contact.Id, Order = c.Order, GivenName = c.GivenName, FamilyName = c.FamilyName, IsUnborn = c.IsUnborn,
                DateOfBirth = c.DateOfBirth, ExpectedDate = c.ExpectedDate, Gender = c.Gender, AddressLine1 = c.AddressLine1,
                AddressLine2 = c.AddressLine2, Town = c.Town, Postcode = c.Postcode, SchoolOrSetting = c.SchoolOrSetting,
            }));
            contact.Adults.AddRange(original.Adults.OrderBy(a => a.Order).Select(a => new SignificantAdult
            {
                ReferralId = contact.Id, Order = a.Order, GivenName = a.GivenName, FamilyName = a.FamilyName,
                Relationship = a.Relationship, LivesWithChildren = a.LivesWithChildren, DateOfBirth = a.DateOfBirth,
            }));
            contact.ReceiveAsContact(await ReferenceNumbers.NextAsync(db, ReferenceNumbers.Prefix(configuration), now, ct), now);
            db.Referrals.Add(contact);
            return contact;
        }

        /// <summary>The hub's history in words, oldest first, as the MASH reads it beside the reason.</summary>
        private async Task<string> HistoryAsync(EarlyHelpCase work, Referral original, CancellationToken ct)
        {
            var subject = work.Id.ToString();
            var steps = await db.AuditEvents.AsNoTracking()
                .Where(e => e.SubjectType == EarlyHelpEvents.SubjectType && e.SubjectId == subject
                    && !EarlyHelpEvents.Reads.Contains(e.Action))
                .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
                .Select(e => new { e.OccurredAt, e.Action, e.Detail })
                .ToListAsync(ct);
            var lines = new List<string>
            {
                $"Stepped up from the early help hub ({work.Reference}, first received {UkTime.DateAndTime(original.SubmittedAt!.Value)}).",
            };
            lines.AddRange(steps.Select(s => $"{UkTime.DateAndTime(s.OccurredAt)}: {EarlyHelpEvents.Describe(s.Action) ?? s.Action}"
                + (s.Detail is null ? "" : $" ({s.Detail})")));
            if (work.DeclineReason is not null)
            {
                lines.Add($"The family's reason for declining: {work.DeclineReason}");
            }

            if (work.AssessmentStartedOn is { } started)
            {
                lines.Add($"Early Help Assessment started {UkTime.Date(started)}" +
                    (work.AssessmentCompletedOn is { } done ? $", completed {UkTime.Date(done)}." : ", not completed."));
            }

            var history = string.Join(Environment.NewLine, lines);
            return history.Length > ReferralConcerns.LongAnswerMaxLength ? history[..ReferralConcerns.LongAnswerMaxLength] : history;
        }
    }
}
