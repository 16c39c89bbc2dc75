using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace ThresholdPortal.Web.Features.Accounts;

/// <summary>
/// The rules for a new password, read from Identity's own options so the error message and what Identity
/// enforces can never drift apart. Shared by registration, invitation, reset and change of password.
/// </summary>
public static class PasswordRules
{
    public const int MaxLength = 256;

    public static IRuleBuilderOptions<T, string?> NewPassword<T>(this IRuleBuilderInitial<T, string?> rule, PasswordOptions policy)
    {
        var options = rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a password")
            .MinimumLength(policy.RequiredLength).WithMessage($"Password must be {policy.RequiredLength} characters or more")
            .MaximumLength(MaxLength).WithMessage($"Password must be {MaxLength} characters or fewer");
        if (policy.RequireUppercase)
        {
            options = options.Must(p => p!.Any(char.IsAsciiLetterUpper)).WithMessage("Password must include a capital letter");
        }

        if (policy.RequireLowercase)
        {
            options = options.Must(p => p!.Any(char.IsAsciiLetterLower)).WithMessage("Password must include a lower case letter");
        }

        if (policy.RequireDigit)
        {
            options = options.Must(p => p!.Any(char.IsAsciiDigit)).WithMessage("Password must include a number");
        }

        return options;
    }

    public static string Hint(PasswordOptions policy)
    {
        var needs = new List<string>();
        if (policy.RequireUppercase)
        {
            needs.Add("a capital letter");
        }

        if (policy.RequireLowercase)
        {
            needs.Add("a lower case letter");
        }

        if (policy.RequireDigit)
        {
            needs.Add("a number");
        }

        var with = needs.Count == 0 ? string.Empty
            : ", with " + (needs.Count == 1 ? needs[0] : string.Join(", ", needs[..^1]) + " and " + needs[^1]);
        return $"Use {policy.RequiredLength} characters or more{with}. A few unrelated words together make a strong password.";
    }
}
