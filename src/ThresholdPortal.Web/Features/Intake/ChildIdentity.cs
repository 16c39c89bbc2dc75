using FluentValidation;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>
/// A child's identifiers and characteristics as a form asks them: the referral's child page and the MASH
/// contact form share it, with its partial <c>Pages/Shared/_ChildIdentity</c> (docs/decisions/0106). Every
/// answer is optional, as a referrer may not know them.
/// </summary>
public sealed class ChildIdentity
{
    public string? NhsNumber { get; set; }
    public string? Upn { get; set; }
    public string? Sex { get; set; }
    public string? Ethnicity { get; set; }
    public List<string> Disabilities { get; set; } = [];
    public string? FirstLanguage { get; set; }
    public bool? InterpreterNeeded { get; set; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(NhsNumber) && string.IsNullOrWhiteSpace(Upn) && string.IsNullOrEmpty(Sex)
        && string.IsNullOrEmpty(Ethnicity) && Disabilities.Count == 0 && string.IsNullOrWhiteSpace(FirstLanguage)
        && InterpreterNeeded is null;

    public static ChildIdentity From(ReferralChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new()
        {
            NhsNumber = child.NhsNumber is { } nhs ? Domain.Identifiers.NhsNumber.Display(nhs) : null,
            Upn = child.Upn,
            Sex = child.Sex,
            Ethnicity = child.Ethnicity,
            Disabilities = [.. child.Disabilities],
            FirstLanguage = child.FirstLanguage,
            InterpreterNeeded = child.InterpreterNeeded,
        };
    }

    /// <summary>Stores the answers, already validated, in their normal form: the NHS number's 10 digits, the UPN in capitals.</summary>
    public void ApplyTo(ReferralChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        child.NhsNumber = string.IsNullOrWhiteSpace(NhsNumber) ? null : Domain.Identifiers.NhsNumber.Normalise(NhsNumber);
        child.Upn = string.IsNullOrWhiteSpace(Upn) ? null : Domain.Identifiers.Upn.Check(Upn, out var upn) is null ? upn : null;
        child.Sex = string.IsNullOrEmpty(Sex) ? null : Sex;
        child.Ethnicity = string.IsNullOrEmpty(Ethnicity) ? null : Ethnicity;
        child.Disabilities = [.. Disabilities.Where(d => !string.IsNullOrEmpty(d))];
        child.FirstLanguage = ReferralValidation.Clean(FirstLanguage);
        child.InterpreterNeeded = InterpreterNeeded;
    }
}

/// <summary>GOV.UK messages that say exactly what is wrong with each answer; an empty answer is never wrong.</summary>
public sealed class ChildIdentityValidator : AbstractValidator<ChildIdentity>
{
    public ChildIdentityValidator()
    {
        RuleFor(c => c.NhsNumber).MaximumLength(NhsNumber.InputMaxLength).WithMessage(NhsNumber.NotTenDigits)
            .Custom((input, context) =>
            {
                if (!string.IsNullOrWhiteSpace(input) && NhsNumber.Check(input, out _) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
        RuleFor(c => c.Upn).MaximumLength(Upn.InputMaxLength).WithMessage(Upn.NotThirteenCharacters)
            .Custom((input, context) =>
            {
                if (!string.IsNullOrWhiteSpace(input) && Upn.Check(input, out _) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
        RuleFor(c => c.Sex).Must(s => string.IsNullOrEmpty(s) || CensusCodes.IsSex(s)).WithMessage("Select the child's sex from the list");
        RuleFor(c => c.Ethnicity).Must(e => string.IsNullOrEmpty(e) || CensusCodes.IsEthnicity(e))
            .WithMessage("Select the child's ethnicity from the list");
        RuleFor(c => c.Disabilities).Custom((codes, context) =>
        {
            if (CensusCodes.CheckDisabilities(codes) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(c => c.FirstLanguage).Answer("First language", ReferralChild.LanguageMaxLength);
    }
}

/// <summary>A child's identifiers and characteristics as a summary shows them, in words, with "Not given" left to the caller.</summary>
public static class ChildIdentityDisplay
{
    public static IReadOnlyList<(string Key, string? Value, string Field)> Rows(ReferralChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return
        [
            ("NHS number", child.NhsNumber is { } nhs ? NhsNumber.Display(nhs) : null, "Identity_NhsNumber"),
            ("UPN", child.Upn is { } upn ? Upn.IsTemporary(upn) ? $"{upn} (temporary)" : upn : null, "Identity_Upn"),
            ("Sex", child.Sex is { } sex ? CensusCodes.Label(CensusCodes.Sexes, sex) : null, "Identity_Sex"),
            ("Ethnicity", child.Ethnicity is { } ethnicity ? CensusCodes.Label(CensusCodes.Ethnicities, ethnicity) : null,
                "Identity_Ethnicity"),
            ("Disability", child.Disabilities.Count == 0 ? null
                : string.Join("\n", child.Disabilities.Select(d => CensusCodes.Label(CensusCodes.Disabilities, d))),
                "Identity_Disabilities"),
            ("First language", child.FirstLanguage, "Identity_FirstLanguage"),
            ("Interpreter needed", child.InterpreterNeeded switch { true => "Yes", false => "No", null => null },
                "Identity_InterpreterNeeded"),
        ];
    }
}
