using System.Globalization;
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

/// <summary>
/// The MASH's decision timescales and the agencies' answer timescales, by BRAG rating. A save stores a new
/// settings version, in force at once for newly rated cases and newly sent requests.
/// </summary>
public sealed class TimescalesModel(IMediator mediator, MashSettingsCache cache)
    : SettingsFormModel<TimescalesModel.Command>(mediator, cache)
{
    public const int MostDecisionHours = 720;
    public const int MostAnswerHours = 480;
    public const int MostFirstContactDays = 60;

    protected override string Saved => "Timescales";

    public async Task OnGetAsync() => Data = await Mediator.Send(new Query());

    public sealed record Query : IQuery<Command>;

    public sealed class Command : SettingsChangeFields, ICommand<CommandResult<int?>>
    {
        public string? RedHours { get; set; }
        public string? AmberHours { get; set; }
        public string? GreenHours { get; set; }
        public string? UnratedHours { get; set; }
        public bool? GreenCountsWorkingTime { get; set; }
        public bool? RedWorkedOutOfHours { get; set; }
        public string? RequestRedHours { get; set; }
        public string? RequestAmberHours { get; set; }
        public string? RequestGreenHours { get; set; }
        public string? RequestBlueHours { get; set; }
        public string? RequestUnratedHours { get; set; }
        public string? EarlyHelpFirstContactDays { get; set; }

        public override bool TryApplyTo(MashSettingsVersion next)
        {
            ArgumentNullException.ThrowIfNull(next);
            double?[] hours = [.. new[] { RedHours, AmberHours, GreenHours, UnratedHours, RequestRedHours, RequestAmberHours,
                RequestGreenHours, RequestBlueHours, RequestUnratedHours }.Select(MashSettingsChanges.ParseHours)];
            // A form from before the hub's timescale was a setting posts none: the version keeps the one in force.
            var firstContactDays = next.EarlyHelpFirstContactDays;
            if (hours.Any(h => h is not > 0) || GreenCountsWorkingTime is not { } greenWorking || RedWorkedOutOfHours is not { } redOut
                || (EarlyHelpFirstContactDays is not null
                    && !int.TryParse(EarlyHelpFirstContactDays, NumberStyles.None, CultureInfo.InvariantCulture, out firstContactDays)))
            {
                return false;
            }

            (next.RedHours, next.AmberHours, next.GreenHours, next.UnratedHours) = (hours[0]!.Value, hours[1]!.Value, hours[2]!.Value,
                hours[3]!.Value);
            (next.GreenCountsWorkingTime, next.RedWorkedOutOfHours) = (greenWorking, redOut);
            (next.RequestRedHours, next.RequestAmberHours, next.RequestGreenHours, next.RequestBlueHours, next.RequestUnratedHours) =
                (hours[4]!.Value, hours[5]!.Value, hours[6]!.Value, hours[7]!.Value, hours[8]!.Value);
            next.EarlyHelpFirstContactDays = firstContactDays;
            return true;
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, TimeProvider clock, Features.Triage.MashSettings settings)
        {
            this.AddHoursRule(c => c.RedHours, "Red decision timescale", MostDecisionHours);
            this.AddHoursRule(c => c.AmberHours, "Amber decision timescale", MostDecisionHours);
            this.AddHoursRule(c => c.GreenHours, "Green decision timescale", MostDecisionHours);
            this.AddHoursRule(c => c.UnratedHours, "unrated decision timescale", MostDecisionHours);
            RuleFor(c => c.GreenCountsWorkingTime).NotNull().WithMessage("Select whether Green counts working hours or clock hours");
            RuleFor(c => c.RedWorkedOutOfHours).NotNull().WithMessage("Select whether Red referrals are worked out of hours");
            RuleFor(c => c.RedHours)
                .Must((c, red) => !(MashSettingsChanges.ParseHours(red) > MashSettingsChanges.ParseHours(c.AmberHours)))
                .WithMessage("Red decision timescale cannot be longer than Amber's");
            this.AddHoursRule(c => c.RequestRedHours, "Red answer timescale", MostAnswerHours);
            this.AddHoursRule(c => c.RequestAmberHours, "Amber answer timescale", MostAnswerHours);
            this.AddHoursRule(c => c.RequestGreenHours, "Green answer timescale", MostAnswerHours);
            this.AddHoursRule(c => c.RequestBlueHours, "Blue answer timescale", MostAnswerHours);
            this.AddHoursRule(c => c.RequestUnratedHours, "unrated answer timescale", MostAnswerHours);
            RuleFor(c => c.RequestRedHours)
                .Must((c, red) => !(MashSettingsChanges.ParseHours(red) > MashSettingsChanges.ParseHours(c.RequestAmberHours)))
                .WithMessage("Red answer timescale cannot be longer than Amber's");
            RuleFor(c => c.RequestAmberHours)
                .Must((c, amber) => !(MashSettingsChanges.ParseHours(amber) > MashSettingsChanges.ParseHours(c.RequestGreenHours)))
                .WithMessage("Amber answer timescale cannot be longer than Green's");
            RuleFor(c => c.EarlyHelpFirstContactDays)
                .Must(days => days is null || (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    && n is >= 1 and <= MostFirstContactDays))
                .WithMessage($"Early help first contact must be a whole number of working days from 1 to {MostFirstContactDays}");
            this.AddBasedOnNewestRule(db);
            this.AddRatingsKeepTheirOrderRule(db, clock, settings.Calendar.TimeZone, inversion => $"{inversion.Lower}Hours");
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
                RedHours = MashSettingsChanges.Format(v.RedHours),
                AmberHours = MashSettingsChanges.Format(v.AmberHours),
                GreenHours = MashSettingsChanges.Format(v.GreenHours),
                UnratedHours = MashSettingsChanges.Format(v.UnratedHours),
                GreenCountsWorkingTime = v.GreenCountsWorkingTime,
                RedWorkedOutOfHours = v.RedWorkedOutOfHours,
                RequestRedHours = MashSettingsChanges.Format(v.RequestRedHours),
                RequestAmberHours = MashSettingsChanges.Format(v.RequestAmberHours),
                RequestGreenHours = MashSettingsChanges.Format(v.RequestGreenHours),
                RequestBlueHours = MashSettingsChanges.Format(v.RequestBlueHours),
                RequestUnratedHours = MashSettingsChanges.Format(v.RequestUnratedHours),
                EarlyHelpFirstContactDays = v.EarlyHelpFirstContactDays.ToString(CultureInfo.InvariantCulture),
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
