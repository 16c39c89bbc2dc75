using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>The answers the add and change pages share, kept as typed so a wrong one can be shown back.</summary>
public abstract class OrganisationFields
{
    public string? Name { get; set; }
    public OrganisationKind? Kind { get; set; }

    /// <summary>One domain per line, as the administrator typed them.</summary>
    public string? EmailDomains { get; set; }

    public bool? SharedReferralVisibility { get; set; }

    /// <summary>The organisation being changed, or null for a new one.</summary>
    public abstract Guid? ExistingId { get; }

    public IReadOnlyList<string> ParsedDomains() => [.. EmailDomain.ParseList(EmailDomains).Distinct(StringComparer.Ordinal)];

    public static IEnumerable<SelectListItem> KindOptions =>
        [new SelectListItem("Choose a kind of organisation", string.Empty),
         .. Enum.GetValues<OrganisationKind>()
             .Select(k => new SelectListItem($"{k.DisplayName()} (referral source {k.ReferralSource().Code})", k.ToString()))];
}

public static class OrganisationRules
{
    public static void AddOrganisationRules<T>(this AbstractValidator<T> validator, PortalDbContext db) where T : OrganisationFields
    {
        validator.RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the organisation's name")
            .MaximumLength(Organisation.NameMaxLength).WithMessage($"Name must be {Organisation.NameMaxLength} characters or fewer")
            .MustAsync(async (command, name, cancellationToken) =>
            {
                var lower = name!.Trim().ToLowerInvariant();
                return !await db.Organisations.AnyAsync(o => o.Id != command.ExistingId && o.Name.ToLower() == lower, cancellationToken);
            })
            .WithMessage(c => $"There is already an organisation called {c.Name!.Trim()}");
        validator.RuleFor(c => c.Kind).NotNull().WithMessage("Choose what kind of organisation it is")
            .IsInEnum().WithMessage("Choose a kind of organisation from the list");
        validator.RuleFor(c => c.SharedReferralVisibility).NotNull()
            .WithMessage("Select whether colleagues can see each other's referrals");
        validator.RuleFor(c => c.EmailDomains).CustomAsync(async (_, context, cancellationToken) =>
        {
            var command = context.InstanceToValidate;
            var domains = command.ParsedDomains();
            if (domains.FirstOrDefault(d => !EmailDomain.IsValid(d)) is { } invalid)
            {
                context.AddFailure(
                    $"\u201c{invalid}\u201d is not an email domain. Enter domains like school.example.org, one on each line");
                return;
            }

            if (domains.FirstOrDefault(EmailDomain.IsPublicWebmail) is { } webmail)
            {
                context.AddFailure(
                    $"{webmail} is a public email service that anyone can use, so it cannot identify an organisation's staff");
                return;
            }

            var taken = await db.Organisations.AsNoTracking()
                .Where(o => o.Id != command.ExistingId && o.EmailDomains.Any(d => domains.Contains(d)))
                .Select(o => new { o.Name, o.EmailDomains })
                .FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
            {
                // One domain, one organisation: otherwise a registration could not say whose staff someone is.
                context.AddFailure($"{taken.EmailDomains.Intersect(domains).First()} is already used by {taken.Name}");
            }
        });
    }
}
