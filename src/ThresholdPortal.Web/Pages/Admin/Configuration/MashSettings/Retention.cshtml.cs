using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.Retention;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.MashSettings;

/// <summary>
/// The retention schedule (issue 19, item 1; docs/decisions/0120): how long each kind of record is kept, stored as a new
/// settings version with its reason like every MASH setting, and below it what the schedule in force makes due now: the
/// dry run, kind by kind, with whether the retention job removes that kind yet.
/// </summary>
public sealed class RetentionModel(IMediator mediator, MashSettingsCache cache)
    : SettingsFormModel<RetentionModel.Command>(mediator, cache)
{
    protected override string Saved => "Retention schedule";

    protected override IActionResult AfterSave() => RedirectToPage();

    public async Task OnGetAsync() => Data = await Mediator.Send(new Query());

    /// <summary>What the schedule in force makes due now.</summary>
    public Task<IReadOnlyList<RetentionDue>> DueAsync() => Mediator.Send(new DueQuery());

    public sealed record Query : IQuery<Command>;

    public sealed record DueQuery : IQuery<IReadOnlyList<RetentionDue>>;

    public sealed class Command : SettingsChangeFields, ICommand<CommandResult<int?>>
    {
        public string? DraftReferralDays { get; set; }
        public string? DraftReminderDays { get; set; }
        public string? ClosedNoFurtherActionMonths { get; set; }
        public string? ClosedStepDownMonths { get; set; }
        public string? ClosedStatutoryMonths { get; set; }
        public string? InformationRequestMonths { get; set; }
        public string? AttachmentMonths { get; set; }
        public string? AuditEventMonths { get; set; }
        public string? OutboxMessageDays { get; set; }
        public string? AccountMonths { get; set; }

        public RetentionSchedule? ToSchedule()
        {
            int?[] values = [.. new[] { DraftReferralDays, DraftReminderDays, ClosedNoFurtherActionMonths, ClosedStepDownMonths,
                ClosedStatutoryMonths, InformationRequestMonths, AttachmentMonths, AuditEventMonths, OutboxMessageDays, AccountMonths }
                .Select(Whole)];
            if (values.Any(v => v is null))
            {
                return null;
            }

            var schedule = new RetentionSchedule
            {
                DraftReferralDays = values[0]!.Value, DraftReminderDays = values[1]!.Value, ClosedNoFurtherActionMonths = values[2]!.Value,
                ClosedStepDownMonths = values[3]!.Value, ClosedStatutoryMonths = values[4]!.Value,
                InformationRequestMonths = values[5]!.Value, AttachmentMonths = values[6]!.Value, AuditEventMonths = values[7]!.Value,
                OutboxMessageDays = values[8]!.Value, AccountMonths = values[9]!.Value,
            };
            return schedule.Problem() is null ? schedule : null;
        }

        public override bool TryApplyTo(MashSettingsVersion next)
        {
            ArgumentNullException.ThrowIfNull(next);
            if (ToSchedule() is not { } schedule)
            {
                return false;
            }

            next.Retention = schedule;
            return true;
        }

        public static int? Whole(string? text) =>
            int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            Period(c => c.DraftReferralDays, "Draft referrals", "days", 1, RetentionSchedule.MostDays);
            Period(c => c.DraftReminderDays, "The reminder", "days", 0, RetentionSchedule.MostDays);
            Period(c => c.ClosedNoFurtherActionMonths, "Cases closed with no further action", "months", 12, RetentionSchedule.MostMonths);
            Period(c => c.ClosedStepDownMonths, "Cases stepped down", "months", 12, RetentionSchedule.MostMonths);
            Period(c => c.ClosedStatutoryMonths, "Cases handed to social care", "months", 12, RetentionSchedule.MostMonths);
            Period(c => c.InformationRequestMonths, "Information requests", "months", 12, RetentionSchedule.MostMonths);
            Period(c => c.AttachmentMonths, "Attachments", "months", 1, RetentionSchedule.MostMonths);
            Period(c => c.AuditEventMonths, "Audit events", "months", 12, RetentionSchedule.MostMonths);
            Period(c => c.OutboxMessageDays, "E-mails", "days", 1, RetentionSchedule.MostDays);
            Period(c => c.AccountMonths, "Deactivated accounts", "months", 1, RetentionSchedule.MostMonths);
            RuleFor(c => c.DraftReminderDays)
                .Must((c, reminder) => Command.Whole(reminder) is not { } days || Command.Whole(c.DraftReferralDays) is not { } draft
                    || days < draft)
                .WithMessage("The reminder must come before the draft is deleted");
            this.AddBasedOnNewestRule(db);
        }

        private void Period(Expression<Func<Command, string?>> field, string name, string unit, int least, int most) =>
            RuleFor(field).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage($"Enter how long {name.ToLowerInvariant()} are kept, in {unit}")
                .Must(text => Command.Whole(text) is not null).WithMessage($"{name}: enter a whole number of {unit}, like 12")
                .Must(text => Command.Whole(text) is { } value && value >= least && value <= most)
                .WithMessage($"{name}: enter from {least} to {most} {unit}");
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var v = await MashSettingsChanges.NewestAsync(db, cancellationToken);
            var r = v.RetentionInForce;
            string S(int value) => value.ToString(CultureInfo.InvariantCulture);
            return new Command
            {
                BasedOnVersion = v.Version,
                DraftReferralDays = S(r.DraftReferralDays), DraftReminderDays = S(r.DraftReminderDays),
                ClosedNoFurtherActionMonths = S(r.ClosedNoFurtherActionMonths), ClosedStepDownMonths = S(r.ClosedStepDownMonths),
                ClosedStatutoryMonths = S(r.ClosedStatutoryMonths), InformationRequestMonths = S(r.InformationRequestMonths),
                AttachmentMonths = S(r.AttachmentMonths), AuditEventMonths = S(r.AuditEventMonths),
                OutboxMessageDays = S(r.OutboxMessageDays), AccountMonths = S(r.AccountMonths),
            };
        }
    }

    public sealed class DueHandler(PortalDbContext db, TimeProvider clock) : IRequestHandler<DueQuery, IReadOnlyList<RetentionDue>>
    {
        public async Task<IReadOnlyList<RetentionDue>> Handle(DueQuery request, CancellationToken cancellationToken)
        {
            var schedule = (await MashSettingsChanges.NewestAsync(db, cancellationToken)).RetentionInForce;
            return await RetentionSweep.DueAsync(db, schedule, clock.GetUtcNow(), cancellationToken);
        }
    }

    public sealed class Handler(
        PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock, Features.Triage.MashSettings settings)
        : IRequestHandler<Command, CommandResult<int?>>
    {
        public Task<CommandResult<int?>> Handle(Command request, CancellationToken cancellationToken) =>
            MashSettingsChanges.SaveAsync(db, user, audit, clock, settings.Calendar.TimeZone, request, cancellationToken);
    }
}
