using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Infrastructure.Identity;

public static class IdentityResults
{
    /// <summary>
    /// Identity refused the user's input (a password its validators reject): show each reason against the
    /// field, through the same path as FluentValidation failures. The command's transaction rolls back.
    /// </summary>
    public static void ThrowIfRefused(this IdentityResult result, object request, string propertyName)
    {
        if (!result.Succeeded)
        {
            throw new RequestValidationException(request,
                [.. result.Errors.Select(e => new ValidationFailure(propertyName, e.Description))]);
        }
    }

    /// <summary>For Identity calls that only fail when something is wrong with the system, not the input.</summary>
    public static void EnsureSucceeded(this IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused an operation: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
