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
/// The MASH's phone line and mailbox, the Emergency Duty Team's number and hours, the police non-emergency number and the
/// Early Help Hub's number, as every page and feedback shows them. Stored as a new settings version (docs/decisions/0095).
/// </summary>
public sealed class ContactsModel(IMediator mediator, MashSettingsCache cache)
    : SettingsFormModel<ContactsModel.Command>(mediator, cache)
{
    protected override string Saved => "Contacts";

    public async Task OnGetAsync() => Data = await Mediator.Send(new Query());

    public sealed record Query : IQuery<Command>;

    public sealed class Command : SettingsChangeFields, ICommand<CommandResult<int?>>
    {
        public string? MashPhone { get; set; }
        public string? MashEmail { get; set; }
        public string? EmergencyDutyTeamPhone { get; set; }
        public string? EmergencyDutyTeamHours { get; set; }
        public string? PoliceNonEmergencyPhone { get; set; }
        public string? EarlyHelpHubPhone { get; set; }

        public override bool TryApplyTo(MashSettingsVersion next)
        {
            ArgumentNullException.ThrowIfNull(next);
            string[] answers = [MashPhone!, MashEmail!, EmergencyDutyTeamPhone!, EmergencyDutyTeamHours!, PoliceNonEmergencyPhone!,
                EarlyHelpHubPhone!];
            if (answers.Any(string.IsNullOrWhiteSpace))
            {
                return false;
            }

            next.Contacts = new ServiceContacts
            {
                MashPhone = MashPhone!.Trim(),
                MashEmail = MashEmail!.Trim(),
                EmergencyDutyTeamPhone = EmergencyDutyTeamPhone!.Trim(),
                EmergencyDutyTeamHours = EmergencyDutyTeamHours!.Trim(),
                PoliceNonEmergencyPhone = PoliceNonEmergencyPhone!.Trim(),
                EarlyHelpHubPhone = EarlyHelpHubPhone!.Trim(),
            };
            return true;
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(PortalDbContext db)
        {
            Phone(c => c.MashPhone, "the MASH's phone number");
            RuleFor(c => c.MashEmail).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter the MASH's email address")
                .MaximumLength(ServiceContacts.EmailMaxLength)
                    .WithMessage($"The email address must be {ServiceContacts.EmailMaxLength} characters or fewer")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like mash@example.org");
            Phone(c => c.EmergencyDutyTeamPhone, "the Emergency Duty Team's phone number");
            RuleFor(c => c.EmergencyDutyTeamHours).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Enter when the Emergency Duty Team answers")
                .MaximumLength(ServiceContacts.HoursMaxLength)
                    .WithMessage($"The Emergency Duty Team's hours must be {ServiceContacts.HoursMaxLength} characters or fewer");
            Phone(c => c.PoliceNonEmergencyPhone, "the police non-emergency number");
            Phone(c => c.EarlyHelpHubPhone, "the Early Help Hub's phone number");
            this.AddBasedOnNewestRule(db);
        }

        private void Phone(System.Linq.Expressions.Expression<Func<Command, string?>> field, string name) =>
            RuleFor(field).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage($"Enter {name}")
                .MaximumLength(ServiceContacts.PhoneMaxLength)
                    .WithMessage(
                        $"{char.ToUpperInvariant(name[0])}{name[1..]} must be {ServiceContacts.PhoneMaxLength} characters or fewer")
                .Must(IsPhoneNumber).WithMessage($"Enter {name} in digits and spaces, with a leading + for an international number");

        /// <summary>Digits and spaces, an optional leading +, and at least three digits (a short code such as the police's).</summary>
        public static bool IsPhoneNumber(string? text)
        {
            var trimmed = text?.Trim() ?? string.Empty;
            var body = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
            return body.Length > 0 && body.All(c => char.IsAsciiDigit(c) || c == ' ') && body.Count(char.IsAsciiDigit) >= 3;
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, Command>
    {
        public async Task<Command> Handle(Query request, CancellationToken cancellationToken)
        {
            var v = await MashSettingsChanges.NewestAsync(db, cancellationToken);
            var contacts = v.Contacts ?? ShippedContacts.Value;
            return new Command
            {
                BasedOnVersion = v.Version,
                MashPhone = contacts.MashPhone,
                MashEmail = contacts.MashEmail,
                EmergencyDutyTeamPhone = contacts.EmergencyDutyTeamPhone,
                EmergencyDutyTeamHours = contacts.EmergencyDutyTeamHours,
                PoliceNonEmergencyPhone = contacts.PoliceNonEmergencyPhone,
                EarlyHelpHubPhone = contacts.EarlyHelpHubPhone,
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
