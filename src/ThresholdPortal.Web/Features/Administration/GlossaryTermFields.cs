using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Administration;

/// <summary>The fields of the add and change pages of the glossary, and their rules.</summary>
public abstract class GlossaryTermFields
{
    public string? Term { get; set; }
    public string? Meaning { get; set; }
    public bool? WidelyUnderstood { get; set; }

    /// <summary>The term being changed; null when adding one.</summary>
    public virtual Guid? ExistingId => null;
}

public static class GlossaryTermRules
{
    public static void AddGlossaryTermRules<T>(this AbstractValidator<T> validator, PortalDbContext db)
        where T : GlossaryTermFields
    {
        validator.RuleFor(t => t.Term).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the term, for example CAMHS")
            .MaximumLength(GlossaryEntry.TermMaxLength).WithMessage($"The term must be {GlossaryEntry.TermMaxLength} characters or fewer")
            .Must(t => GlossaryEntry.IsWellFormedTerm(t!.Trim()))
                .WithMessage("The term must be one word of letters and digits (and & as in A&E), starting with a letter")
            .MustAsync(async (fields, term, cancellationToken) =>
            {
                var lower = term!.Trim().ToLower();
                return !await db.GlossaryTerms.AnyAsync(g => g.Term.ToLower() == lower && g.Id != fields.ExistingId, cancellationToken);
            }).WithMessage(t => $"{t.Term!.Trim()} is already in the glossary");
        validator.RuleFor(t => t.Meaning).NotEmpty().WithMessage("Enter what the term means")
            .MaximumLength(GlossaryEntry.MeaningMaxLength)
                .WithMessage($"The meaning must be {GlossaryEntry.MeaningMaxLength} characters or fewer");
        validator.RuleFor(t => t.WidelyUnderstood).NotNull().WithMessage("Select whether every reader can be expected to know the term");
    }
}
