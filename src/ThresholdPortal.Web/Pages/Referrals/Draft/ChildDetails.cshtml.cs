using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Addresses;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Referrals.Draft;

/// <summary>
/// Who the child is: name, date of birth (or expected date), gender, address, school or setting, and the optional
/// identifiers and characteristics (NHS number, UPN, census sex, ethnicity, disability, language).
/// </summary>
public sealed class ChildDetailsModel(IMediator mediator, IAddressLookup addresses) : DraftPageModel
{
    public const int MaximumAge = 18;
    public const int MaximumMonthsToBirth = 10;

    [BindProperty]
    public Command Data { get; set; } = new();

    /// <summary>The child whose address was copied into an empty address, to say so.</summary>
    public string? AddressCopiedFrom { get; private set; }

    [FromRoute]
    public Guid ChildId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var answers = await mediator.Send(new Query(DraftId, ChildId));
        if (answers is null)
        {
            return NotFound();
        }

        (Data, AddressCopiedFrom) = answers.Value;
        return Page();
    }

    /// <summary>The addresses found at the postcode, to choose from; null until the referrer asks.</summary>
    public AddressLookupResult? Found { get; private set; }

    public bool LookupEnabled => addresses.IsEnabled;

    /// <summary>"Find address": the addresses at the postcode typed, the rest of the form kept as it was and nothing saved.</summary>
    public async Task<IActionResult> OnPostFindAddressAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!ReferralValidation.IsPostcode(Data.Postcode))
        {
            ModelState.AddModelError("Data.Postcode", "Enter a real postcode, like NT1 1AA, to find the address");
            return Page();
        }

        Found = await mediator.Send(new FindAddresses.Query(ReferralValidation.NormalisePostcode(Data.Postcode)!), cancellationToken);
        return Page();
    }

    /// <summary>"Use this address": the chosen address fills the fields (with its UPRN); the referrer still saves the page.</summary>
    public async Task<IActionResult> OnPostUseAddressAsync(string? chosen, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (ReferralValidation.IsPostcode(Data.Postcode))
        {
            Found = await mediator.Send(new FindAddresses.Query(ReferralValidation.NormalisePostcode(Data.Postcode)!), cancellationToken);
        }

        if (Found?.Addresses.FirstOrDefault(a => a.Uprn == chosen) is not { } address)
        {
            ModelState.AddModelError("chosen", "Select the child's address, or type it in the fields below");
            return Page();
        }

        (Data.AddressLine1, Data.AddressLine2, Data.Town, Data.Postcode, Data.Uprn) =
            (address.Line1, address.Line2, address.Town, address.Postcode, address.Uprn);
        Found = null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Data.DraftId = DraftId;
        Data.ChildId = ChildId;
        return OutcomeOf(await mediator.Send(Data), () => SavedThenGoTo(ReferralRoutes.ChildExperience(DraftId, ChildId)));
    }

    public sealed record Query(Guid DraftId, Guid ChildId) : IQuery<(Command Answers, string? AddressCopiedFrom)?>;

    public sealed class Command : ICommand<CommandResult>
    {
        public Guid DraftId { get; set; }
        public Guid ChildId { get; set; }
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public bool? Born { get; set; }
        public DateParts DateOfBirth { get; set; } = new();
        public DateParts ExpectedDate { get; set; } = new();
        public ChildGender? Gender { get; set; }
        public string? AddressLine1 { get; set; }
        public string? AddressLine2 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
        public string? Uprn { get; set; }
        public string? SchoolOrSetting { get; set; }
        public ChildIdentity Identity { get; set; } = new();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var today = UkCalendar.Today(clock);
            RuleFor(c => c.Born).NotNull().WithMessage("Select yes if the child has been born");
            RuleFor(c => c.GivenName).Answer("First name", ReferralChild.NameMaxLength);
            RuleFor(c => c.FamilyName).Answer("Last name", ReferralChild.NameMaxLength);
            When(c => c.Born == true, () =>
            {
                RuleFor(c => c.GivenName).NotEmpty().WithMessage("Enter the child's first name");
                RuleFor(c => c.FamilyName).NotEmpty().WithMessage("Enter the child's last name");
                RuleFor(c => c.DateOfBirth).Custom((date, context) =>
                {
                    var problem = DateProblem(date, "Date of birth", "the child's date of birth") ?? (date.ToDate() is { } born
                        ? born > today ? "Date of birth must be today or in the past"
                        : born <= today.AddYears(-MaximumAge)
                            ? $"The child must be under {MaximumAge}. For a young adult, contact adult social care"
                        : null
                        : null);
                    if (problem is not null)
                    {
                        context.AddFailure(nameof(Command.DateOfBirth), problem);
                    }
                });
            });
            When(c => c.Born == false, () =>
            {
                RuleFor(c => c.ExpectedDate).Custom((date, context) =>
                {
                    var problem = DateProblem(date, "Expected date of birth", "the expected date of birth")
                        ?? (date.ToDate() is { } expected
                        ? expected < today
                            ? "Expected date of birth must be today or in the future. If the baby has been born, select yes and enter " +
                            "their date of birth"
                        : expected > today.AddMonths(MaximumMonthsToBirth)
                            ? $"Expected date of birth must be within the next {MaximumMonthsToBirth} months"
                        : null
                        : null);
                    if (problem is not null)
                    {
                        context.AddFailure(nameof(Command.ExpectedDate), problem);
                    }
                });
            });
            RuleFor(c => c.Gender).NotNull().WithMessage("Select the child's gender").IsInEnum().WithMessage("Select the child's gender");
            RuleFor(c => c.AddressLine1)
                .RequiredAnswer("Enter the first line of the child's address", "Address line 1", ReferralChild.AddressLineMaxLength);
            RuleFor(c => c.AddressLine2).Answer("Address line 2", ReferralChild.AddressLineMaxLength);
            RuleFor(c => c.Town).Answer("Town or city", ReferralChild.AddressLineMaxLength);
            RuleFor(c => c.Postcode).NotEmpty().WithMessage("Enter the child's postcode")
                .Must(ReferralValidation.IsPostcode).WithMessage("Enter a real postcode, like NT1 1AA");
            RuleFor(c => c.Uprn).Must(u => u is null || (u.Trim().Length is >= 1 and <= ReferralChild.UprnMaxLength
                    && u.Trim().All(char.IsAsciiDigit)))
                .WithMessage($"The UPRN must be up to {ReferralChild.UprnMaxLength} digits, like 100023336956");
            RuleFor(c => c.SchoolOrSetting).Answer("School or setting", ReferralChild.SchoolMaxLength);
            RuleFor(c => c.Identity).SetValidator(new ChildIdentityValidator());
        }

        private static string? DateProblem(DateParts date, string label, string what) =>
            date.IsEmpty ? $"Enter {what}"
            : !date.IsComplete ? $"{label} must include a day, month and year"
            : date.ToDate() is null ? $"{label} must be a real date"
            : null;
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<Query,
        (Command Answers, string? AddressCopiedFrom)?>
    {
        public async Task<(Command Answers, string? AddressCopiedFrom)?> Handle(Query request, CancellationToken cancellationToken)
        {
            var children = await db.Referrals.AsNoTracking().OwnDraft(request.DraftId, user)
                .Select(r => r.Children.OrderBy(c => c.Order).ToList())
                .SingleOrDefaultAsync(cancellationToken);
            var child = children?.SingleOrDefault(c => c.Id == request.ChildId);
            if (child is null)
            {
                return null;
            }

            var answers = new Command
            {
                GivenName = child.GivenName,
                FamilyName = child.FamilyName,
                Born = child.DateOfBirth is not null || child.ExpectedDate is not null ? !child.IsUnborn : child.IsUnborn ? false : null,
                DateOfBirth = DateParts.From(child.DateOfBirth),
                ExpectedDate = DateParts.From(child.ExpectedDate),
                Gender = child.Gender,
                AddressLine1 = child.AddressLine1,
                AddressLine2 = child.AddressLine2,
                Town = child.Town,
                Postcode = child.Postcode,
                Uprn = child.Uprn,
                SchoolOrSetting = child.SchoolOrSetting,
                Identity = ChildIdentity.From(child),
            };

            // Brothers and sisters usually share a home: offer the address already given, to change if not.
            var sibling = child.AddressLine1 is null ? children!.FirstOrDefault(c => c.Id != child.Id && c.AddressLine1 is not null) : null;
            if (sibling is not null)
            {
                answers.AddressLine1 = sibling.AddressLine1;
                answers.AddressLine2 = sibling.AddressLine2;
                answers.Town = sibling.Town;
                answers.Postcode = sibling.Postcode;
                answers.Uprn = sibling.Uprn;
            }

            return (answers, sibling?.DisplayName);
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var referral = await db.Referrals.OwnDraft(request.DraftId, user).Include(r => r.Children)
                .SingleOrDefaultAsync(cancellationToken);
            var child = referral?.Children.SingleOrDefault(c => c.Id == request.ChildId);
            if (referral is null || child is null)
            {
                return CommandResult.NotFound;
            }

            child.IsUnborn = request.Born == false;
            child.GivenName = ReferralValidation.Clean(request.GivenName);
            child.FamilyName = ReferralValidation.Clean(request.FamilyName);
            child.DateOfBirth = child.IsUnborn ? null : request.DateOfBirth.ToDate();
            child.ExpectedDate = child.IsUnborn ? request.ExpectedDate.ToDate() : null;
            child.Gender = request.Gender;
            child.AddressLine1 = ReferralValidation.Clean(request.AddressLine1);
            child.AddressLine2 = ReferralValidation.Clean(request.AddressLine2);
            child.Town = ReferralValidation.Clean(request.Town);
            child.Postcode = ReferralValidation.NormalisePostcode(request.Postcode);
            child.Uprn = string.IsNullOrWhiteSpace(request.Uprn) ? null : request.Uprn.Trim();
            child.SchoolOrSetting = ReferralValidation.Clean(request.SchoolOrSetting);
            request.Identity.ApplyTo(child);
            referral.RefreshSuggestion(await db.DocumentOfAsync(referral, cancellationToken));
            referral.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}
