using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.MashSettings;

/// <summary>The days the MASH does not work. Adding or removing one stores a new settings version.</summary>
public sealed class BankHolidaysModel(IMediator mediator, MashSettingsCache cache, TimeProvider clock)
    : SettingsFormModel<BankHolidaysModel.Command>(mediator, cache), IReloadOnInvalid
{
    protected override string Saved => "Bank holidays";

    public IReadOnlyList<BankHoliday> Upcoming { get; private set; } = [];
    public IReadOnlyList<BankHoliday> Past { get; private set; } = [];

    /// <summary>The list, or with <paramref name="remove"/> the question of why that day is being removed.</summary>
    public async Task OnGetAsync(DateOnly? remove)
    {
        await ReloadAsync(HttpContext.RequestAborted);
        Data.Remove = Upcoming.Any(h => h.Date == remove) ? remove : null;
    }

    protected override IActionResult AfterSave() => RedirectToPage();

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        var newest = await Mediator.Send(new Query(), cancellationToken);
        var today = UkTime.Today(clock);
        Upcoming = [.. newest.BankHolidays.Where(h => h.Date >= today).OrderBy(h => h.Date)];
        Past = [.. newest.BankHolidays.Where(h => h.Date < today).OrderByDescending(h => h.Date)];
        Data.BasedOnVersion = newest.Version;
        ModelState.Remove("Data.BasedOnVersion");
        return true;
    }

    public sealed record Query : IQuery<MashSettingsVersion>;

    public sealed class Command : SettingsChangeFields, ICommand<CommandResult<int?>>
    {
        /// <summary>Set to remove that date (the remove links ask why first); empty to add <see cref="Date"/>.</summary>
        public DateOnly? Remove { get; set; }

        public DateParts Date { get; set; } = new();
        public string? Description { get; set; }

        public override bool TryApplyTo(MashSettingsVersion next)
        {
            ArgumentNullException.ThrowIfNull(next);
            if (Remove is { } removed)
            {
                next.BankHolidays.RemoveAll(h => h.Date == removed);
                return true;
            }

            if (Date.ToDate() is not { } date || string.IsNullOrWhiteSpace(Description))
            {
                return false;
            }

            next.BankHolidays.Add(new BankHoliday { Date = date, Description = Description.Trim() });
            next.BankHolidays.Sort((a, b) => a.Date.CompareTo(b.Date));
            return true;
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db, TimeProvider clock, Features.Triage.MashSettings settings)
        {
            When(c => c.Remove is null, () =>
            {
                RuleFor(c => c.Date).Custom((date, context) =>
                {
                    if (date.IsEmpty)
                    {
                        context.AddFailure(nameof(Command.Date), "Enter the date of the bank holiday");
                    }
                    else if (date.ToDate() is not { } day || day.Year < 2000)
                    {
                        context.AddFailure(nameof(Command.Date), "Enter the date of the bank holiday as a real date, like 25 12 2028");
                    }
                });
                RuleFor(c => c.Description).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("Enter what the bank holiday is, like Christmas Day")
                    .MaximumLength(BankHoliday.DescriptionMaxLength)
                        .WithMessage($"Description must be {BankHoliday.DescriptionMaxLength} characters or fewer");
                RuleFor(c => c.Date)
                    .MustAsync(async (date, cancellationToken) => date.ToDate() is not { } day
                        || (await MashSettingsChanges.NewestAsync(db, cancellationToken)).BankHolidays.All(h => h.Date != day))
                    .WithMessage("That date is already a bank holiday");
            });
            When(c => c.Remove is not null, () =>
                RuleFor(c => c.Remove)
                    .MustAsync(async (date, cancellationToken) =>
                        (await MashSettingsChanges.NewestAsync(db, cancellationToken)).BankHolidays.Any(h => h.Date == date))
                    .WithMessage("That date is not a bank holiday"));
            this.AddBasedOnNewestRule(db);
            this.AddRatingsKeepTheirOrderRule(db, clock, settings.Calendar.TimeZone, _ => nameof(Command.Date));
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, MashSettingsVersion>
    {
        public Task<MashSettingsVersion> Handle(Query request, CancellationToken cancellationToken) =>
            MashSettingsChanges.NewestAsync(db, cancellationToken);
    }

    public sealed class Handler(
        PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock, Features.Triage.MashSettings settings)
        : IRequestHandler<Command, CommandResult<int?>>
    {
        public Task<CommandResult<int?>> Handle(Command request, CancellationToken cancellationToken) =>
            MashSettingsChanges.SaveAsync(db, user, audit, clock, settings.Calendar.TimeZone, request, cancellationToken);
    }
}
