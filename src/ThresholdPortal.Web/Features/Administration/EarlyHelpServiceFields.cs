using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>The fields of the add and change pages of the early help directory, and their rules.</summary>
public abstract class EarlyHelpServiceFields
{
    public string? Name { get; set; }
    public string? Offer { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? Area { get; set; }
    public string? HowToAccess { get; set; }

    /// <summary>The service being changed; null when adding one.</summary>
    public virtual Guid? ExistingId => null;

    /// <summary>What changed, in words for the audit log; empty when nothing did.</summary>
    public List<string> ChangesFrom(EarlyHelpService service)
    {
        var changes = new List<string>();
        void Compare(string what, string before, string after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add($"{what} from “{before}” to “{after}”");
            }
        }

        Compare("name", service.Name, Name!.Trim());
        Compare("offer", service.Offer, Offer!.Trim());
        Compare("ages", service.AgeRange,
            new EarlyHelpService { Name = string.Empty, Offer = string.Empty, Area = string.Empty, HowToAccess = string.Empty,
            MinimumAge = MinimumAge!.Value, MaximumAge = MaximumAge!.Value }.AgeRange);
        Compare("area", service.Area, Area!.Trim());
        Compare("how to access", service.HowToAccess, HowToAccess!.Trim());
        return changes;
    }

    public void ApplyTo(EarlyHelpService service) =>
        (service.Name, service.Offer, service.MinimumAge, service.MaximumAge, service.Area, service.HowToAccess) =
        (Name!.Trim(), Offer!.Trim(), MinimumAge!.Value, MaximumAge!.Value, Area!.Trim(), HowToAccess!.Trim());
}

public static class EarlyHelpServiceRules
{
    public static void AddEarlyHelpServiceRules<T>(this AbstractValidator<T> validator, PortalDbContext db)
        where T : EarlyHelpServiceFields
    {
        validator.RuleFor(s => s.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the name of the service")
            .MaximumLength(EarlyHelpService.NameMaxLength)
                .WithMessage($"The name must be {EarlyHelpService.NameMaxLength} characters or fewer")
            .MustAsync(async (fields, name, cancellationToken) =>
            {
                var trimmed = name!.Trim().ToLower();
                return !await db.EarlyHelpServices.AnyAsync(s => s.Name.ToLower() == trimmed && s.Id != fields.ExistingId,
                    cancellationToken);
            }).WithMessage(s => $"There is already a service called {s.Name!.Trim()}");
        validator.RuleFor(s => s.Offer).NotEmpty().WithMessage("Enter what the service offers")
            .MaximumLength(EarlyHelpService.OfferMaxLength)
                .WithMessage($"What it offers must be {EarlyHelpService.OfferMaxLength} characters or fewer");
        validator.RuleFor(s => s.MinimumAge).NotNull().WithMessage("Enter the youngest age the service helps, in years")
            .InclusiveBetween(0, EarlyHelpService.OldestAgeServed)
                .WithMessage($"The youngest age must be between 0 and {EarlyHelpService.OldestAgeServed}");
        validator.RuleFor(s => s.MaximumAge).NotNull().WithMessage("Enter the oldest age the service helps, in years")
            .InclusiveBetween(0, EarlyHelpService.OldestAgeServed)
                .WithMessage($"The oldest age must be between 0 and {EarlyHelpService.OldestAgeServed}")
            .GreaterThanOrEqualTo(s => s.MinimumAge).When(s => s.MinimumAge is not null)
                .WithMessage("The oldest age must be the same as or more than the youngest age");
        validator.RuleFor(s => s.Area).NotEmpty().WithMessage("Enter where the service is available")
            .MaximumLength(EarlyHelpService.AreaMaxLength)
                .WithMessage($"The area must be {EarlyHelpService.AreaMaxLength} characters or fewer");
        validator.RuleFor(s => s.HowToAccess).NotEmpty().WithMessage("Enter how families or professionals get help from the service")
            .MaximumLength(EarlyHelpService.HowToAccessMaxLength)
                .WithMessage($"How to get help must be {EarlyHelpService.HowToAccessMaxLength} characters or fewer");
    }
}
