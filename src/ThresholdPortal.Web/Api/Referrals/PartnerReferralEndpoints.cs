using System.Security.Cryptography;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Pages.Referrals;

namespace ThresholdPortal.Web.Api.Referrals;

/// <summary><c>POST /api/v1/referrals</c> and <c>GET /api/v1/referrals/{reference}</c> (docs/api.md).</summary>
public static class PartnerReferralEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Two full-size attachments in base64 with room for the answers; more go in further requests.</summary>
    public const long BodyLimitBytes = 2 * Domain.Referrals.ReferralAttachment.MaxSizeBytes * 4 / 3 + 1024 * 1024;

    public static void Map(RouteGroupBuilder v1)
    {
        ArgumentNullException.ThrowIfNull(v1);
        v1.MapPost("/referrals", SendAsync)
            .RequireAuthorization(ApiPolicies.ReferralsWrite)
            .WithMetadata(new RequestSizeLimitAttribute(BodyLimitBytes))
            .Accepts<PartnerReferral>("application/json")
            .Produces<PartnerReferralReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SendReferral")
            .WithSummary("Send a referral to the MASH")
            .WithDescription("Runs the same questions, rules and guidance as the referral pages. Needs an Idempotency-Key header.");
        v1.MapGet("/referrals/{reference}", StatusAsync)
            .RequireAuthorization(ApiPolicies.ReferralsWrite)
            .Produces<PartnerReferralStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetReferral")
            .WithSummary("The status of one of your organisation's referrals, and the MASH's feedback once it is sent");
    }

    private static async Task<IResult> SendAsync(HttpRequest http, IMediator mediator, [FromHeader(Name = IdempotencyHeader)] string? key)
    {
        if (!Guid.TryParse(key, out var idempotencyKey))
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = ["Send an Idempotency-Key header holding a UUID, new for each referral"],
            });
        }

        using var buffer = new MemoryStream();
        try
        {
            await http.Body.CopyToAsync(buffer, http.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiProblems.Problem(tooLarge.StatusCode, "The body is too large",
                $"A referral may be up to {BodyLimitBytes / (1024 * 1024)} MB with its attachments. Send fewer attachments.");
        }
        PartnerReferral? body;
        try
        {
            body = JsonSerializer.Deserialize<PartnerReferral>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ApiJson.Options);
        }
        catch (JsonException exception)
        {
            return ApiProblems.Unreadable(exception);
        }

        if (body is null)
        {
            return ApiProblems.Unreadable(new JsonException());
        }

        var command = new SendPartnerReferral
        {
            IdempotencyKey = idempotencyKey,
            Fingerprint = Convert.ToHexString(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))),
            Referral = body,
        };
        CommandResult<string> result;
        try
        {
            result = await mediator.Send(command, http.HttpContext.RequestAborted);
        }
        catch (RequestValidationException exception)
        {
            return ApiProblems.Invalid(exception.Failures.GroupBy(f => f.PropertyName)
                .ToDictionary(g => ApiSteps.PathOf(string.Empty, g.Key, null), g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
        }
        catch (PartnerReferralRefusedException exception)
        {
            return ApiProblems.Invalid(exception.Errors);
        }

        if (result.Outcome is not CommandResult.SavedResult)
        {
            // Refused: this key came with another body. Not found: another client used this key; its result is not ours to give.
            return ApiProblems.Problem(StatusCodes.Status409Conflict, (result.Outcome as CommandResult.Refused)?.Message
                ?? "This Idempotency-Key was already used by another request");
        }

        var receipt = await mediator.Send(new PartnerReferralReceiptQuery(result.Value!), http.HttpContext.RequestAborted);
        return receipt is null
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found")
            : Results.Json(receipt, ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> StatusAsync(string reference, IMediator mediator, CancellationToken cancellationToken)
    {
        if (reference.Length > 40)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "No referral of yours has this reference");
        }

        var sent = await mediator.Send(new SentModel.Query(reference), cancellationToken);
        return sent is null
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "No referral of yours has this reference")
            : Results.Json(PartnerReferralStatus.From(sent), ApiJson.Options);
    }
}
