using FluentValidation.Results;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// Thrown by the validation behaviour. It carries the request so the page filter can find which bound
/// property it came from and put each failure under the right ModelState key.
/// </summary>
public sealed class RequestValidationException(object request, IReadOnlyList<ValidationFailure> failures)
    : Exception("The request failed validation.")
{
    public object Request { get; } = request;
    public IReadOnlyList<ValidationFailure> Failures { get; } = failures;
}
