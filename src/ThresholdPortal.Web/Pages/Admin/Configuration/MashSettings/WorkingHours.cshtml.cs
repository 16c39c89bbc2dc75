using FluentValidation;
using MediatR;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.MashSettings;

/// <summary>When the MASH's working day starts and ends, and which days of the week it works. Stored as a new settings version.</summary>
public sealed class WorkingHoursModel(IMediator mediator, MashSettingsCache cache)
    : SettingsFormModel<WorkingHoursModel.Command>(mediator, cache)
{
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday,
            DayOfWeek.Sunday];

    protected override string Saved => "Working hours";

    public async Task OnGetAsync() => Data = await Mediator.Send(new Query());

    public sealed record Query : IQuery<Command>;

    public sealed class Command : SettingsChangeFields, ICommand<CommandResult<int?>>
    {
        public string? DayStarts { get; set; }
        public string? DayEnds { get; set; }
        public List<string> WorkingDays { get; set; } = [];

        public override bool TryApplyTo(MashSettingsVersion next)
        {
            ArgumentNullException.ThrowIfNull(next);
            var days = WorkingDays.Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: false, out var day) ? day : (DayOfWeek?)null)
                .ToList();
            if (MashSettingsChanges.ParseTime(DayStarts) is not { } starts || MashSettingsChanges.ParseTime(DayEnds) is not { } ends
                || ends <= starts || days.Count == 0 || days.Any(d => d is null || !Week.Contains(d.Value)))
            {
                return false;
            }

            (next.WorkingDayStarts, next.WorkingDayEnds) = (starts, ends);
            next.WorkingDays = [.. days.Select(d => d!.Value).Distinct().OrderBy(d => d)];
            return true;
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, TimeProvider clock, Features.Triage.MashSettings settings)
        {
            RuleFor(c => c.DayStarts).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter when the working day starts")
                .Must(t => MashSettingsChanges.ParseTime(t) is not null)
                    .WithMessage("Enter when the working day starts as a 24-hour time, like 09:00");
            RuleFor(c => c.DayEnds).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter when the working day ends")
                .Must(t => MashSettingsChanges.ParseTime(t) is not null)
                    .WithMessage("Enter when the working day ends as a 24-hour time, like 17:00")
                .Must((c, end) => !(MashSettingsChanges.ParseTime(end) <= MashSettingsChanges.ParseTime(c.DayStarts)))
                .WithMessage("The working day must end after it starts");
            RuleFor(c => c.WorkingDays).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Select at least one working day")
                .Must(days => days.All(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: false, out var day) && Week.Contains(day)))
                .WithMessage("Select working days from the list");
            this.AddBasedOnNewestRule(db);
            this.AddRatingsKeepTheirOrderRule(db, clock, settings.Calendar.TimeZone, _ => nameof(Command.DayStarts));
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var v = await MashSettingsChanges.NewestAsync(db, cancellationToken);
            return new Command
            {
                BasedOnVersion = v.Version,
                DayStarts = v.WorkingDayStarts.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                DayEnds = v.WorkingDayEnds.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                WorkingDays = [.. v.WorkingDays.Select(d => d.ToString())],
            };
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
