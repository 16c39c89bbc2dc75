using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>
/// The fields of the add and change pages of an agency on the checklist. The standard questions are one per
/// line: adding, editing, reordering and retiring a question is editing the lines. A sent request keeps its
/// own copy of the questions it asked (text[] on the request), so retiring one never changes what was asked.
/// </summary>
public abstract class AgencyFields
{
    public const int MostQuestions = 20;

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Order { get; set; }
    public bool? IsActive { get; set; }
    public List<string> RecipientKinds { get; set; } = [];
    public string? StandardQuestions { get; set; }

    /// <summary>The agency being changed; null when adding one.</summary>
    public virtual Guid? ExistingId => null;

    public IReadOnlyList<string> QuestionLines() =>
        [.. (StandardQuestions ?? string.Empty).Split('\n').Select(q => q.Trim()).Where(q => q.Length > 0)];

    public IReadOnlyList<OrganisationKind> Kinds() =>
        [.. RecipientKinds.Select(k => Enum.Parse<OrganisationKind>(k)).Distinct().Order()];

    public void ApplyTo(PartnerAgency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        agency.Name = Name!.Trim();
        agency.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        agency.Order = int.Parse(Order!.Trim(), CultureInfo.InvariantCulture);
        agency.IsActive = IsActive!.Value;
        agency.RecipientKinds = [.. Kinds()];
        agency.StandardQuestions = [.. QuestionLines()];
    }

    public static void Fill(AgencyFields fields, PartnerAgency agency)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(agency);
        fields.Name = agency.Name;
        fields.Description = agency.Description;
        fields.Order = agency.Order.ToString(CultureInfo.InvariantCulture);
        fields.IsActive = agency.IsActive;
        fields.RecipientKinds = [.. agency.RecipientKinds.Select(k => k.ToString())];
        fields.StandardQuestions = string.Join('\n', agency.StandardQuestions);
    }

    /// <summary>What changed, for the audit trail: "Name: Police → Northshire Police; question retired: ...".</summary>
    public static string Describe(PartnerAgency before, PartnerAgency after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        if (before.Name != after.Name)
        {
            changes.Add($"Name: {before.Name} → {after.Name}");
        }

        if (before.Description != after.Description)
        {
            changes.Add("Description changed");
        }

        if (before.Order != after.Order)
        {
            changes.Add($"Order: {before.Order} → {after.Order}");
        }

        if (before.IsActive != after.IsActive)
        {
            changes.Add(after.IsActive ? "Back on the checklist" : "Taken off the checklist for new cases");
        }

        if (!before.RecipientKinds.Order().SequenceEqual(after.RecipientKinds.Order()))
        {
            changes.Add("Answered by: " + Answerers(after.RecipientKinds));
        }

        changes.AddRange(after.StandardQuestions.Except(before.StandardQuestions, StringComparer.Ordinal)
            .Select(q => "Question added: " + q));
        changes.AddRange(before.StandardQuestions.Except(after.StandardQuestions, StringComparer.Ordinal)
            .Select(q => "Question retired: " + q));
        if (changes.Count == 0 && !before.StandardQuestions.SequenceEqual(after.StandardQuestions, StringComparer.Ordinal))
        {
            changes.Add("Questions reordered");
        }

        return string.Join("; ", changes);
    }

    public static string Answerers(IEnumerable<OrganisationKind> kinds)
    {
        var list = kinds.ToList();
        return list.Count == 0 ? "any organisation" : string.Join(", ", list.Select(k => k.DisplayName()));
    }
}

public static class AgencyRules
{
    public static void AddAgencyRules<T>(this AbstractValidator<T> validator, PortalDbContext db)
        where T : AgencyFields
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(a => a.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the agency's name, for example Police")
            .MaximumLength(PartnerAgency.NameMaxLength).WithMessage($"Name must be {PartnerAgency.NameMaxLength} characters or fewer")
            .MustAsync(async (fields, name, cancellationToken) =>
            {
                var lower = name!.Trim().ToLower();
                return !await db.PartnerAgencies.AnyAsync(a => a.Name.ToLower() == lower && a.Id != fields.ExistingId, cancellationToken);
            }).WithMessage(a => $"{a.Name!.Trim()} is already on the checklist");
        validator.RuleFor(a => a.Description).MaximumLength(PartnerAgency.DescriptionMaxLength)
            .WithMessage($"Description must be {PartnerAgency.DescriptionMaxLength} characters or fewer");
        validator.RuleFor(a => a.Order).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter where the agency comes on the checklist, like 1")
            .Must(o => int.TryParse(o!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var order) && order is >= 1 and <= 999)
            .WithMessage("Position must be a whole number from 1 to 999");
        validator.RuleFor(a => a.IsActive).NotNull().WithMessage("Select whether the agency is on the checklist for new cases");
        validator.RuleFor(a => a.RecipientKinds)
            .Must(kinds => kinds.All(k => Enum.TryParse<OrganisationKind>(k, ignoreCase: false, out var kind) && Enum.IsDefined(kind)))
            .WithMessage("Select the kinds of organisation from the list");
        validator.RuleFor(a => a.StandardQuestions).Custom((text, context) =>
        {
            var fields = (AgencyFields)context.InstanceToValidate;
            var questions = fields.QuestionLines();
            if (questions.Count == 0)
            {
                context.AddFailure(nameof(AgencyFields.StandardQuestions), "Enter at least one standard question");
            }
            else if (questions.Count > AgencyFields.MostQuestions)
            {
                context.AddFailure(nameof(AgencyFields.StandardQuestions), $"Enter {AgencyFields.MostQuestions} questions or fewer");
            }
            else if (questions.FirstOrDefault(q => q.Length > PartnerAgency.QuestionMaxLength) is { } tooLong)
            {
                context.AddFailure(nameof(AgencyFields.StandardQuestions),
                    $"Each question must be {PartnerAgency.QuestionMaxLength} characters or fewer");
            }
            else if (questions.Distinct(StringComparer.OrdinalIgnoreCase).Count() != questions.Count)
            {
                context.AddFailure(nameof(AgencyFields.StandardQuestions), "Each question must be different");
            }
        });
    }
}
