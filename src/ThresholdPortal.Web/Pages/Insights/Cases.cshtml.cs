using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Decisions;
using ThresholdPortal.Domain.EarlyHelp;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Insights;

/// <summary>
/// The cases behind one measure's numerator or denominator, newest first, paged by key (receipt time,
/// id) never by OFFSET. References link to the case only for MASH staff; others see references only. An early help
/// measure lists the hub's work with families, by reference only (the hub's pages are its coordinators').
/// </summary>
public sealed class CasesModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    /// <summary>"numerator" or "denominator".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Set { get; set; }

    [BindProperty(SupportsGet = true)]
    public InsightsFilter Filter { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public Result View { get; private set; } = null!;

    public bool CanOpenCases => View.Measure.Subject == MeasureSubject.MashCase
        && (User.IsInRole(PortalRole.MashManager) || User.IsInRole(PortalRole.MashPractitioner));

    public async Task<IActionResult> OnGetAsync()
    {
        if (InsightsMeasures.Find(Measure) is null)
        {
            return NotFound();
        }

        View = await mediator.Send(new Query(Measure!, Set != "denominator", Filter, After));
        return Page();
    }

    public string NextLink(string after) =>
        $"{InsightsRoutes.Cases}?measure={Uri.EscapeDataString(Measure!)}&set={(View.Numerator ? "numerator" : "denominator")}"
        + $"&{Filter.QueryString()}&after={Uri.EscapeDataString(after)}";

    public sealed record Query(string Measure, bool Numerator, InsightsFilter Filter, string? After) : IQuery<Result>;

    public sealed record Row(Guid Id, string Reference, DateTimeOffset ReceivedAt, string Outcome, BragRating? Rating);

    public sealed record Result(Measure Measure, bool Numerator, ResolvedFilter Filter, IReadOnlyList<Row> Rows, string? Next);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Filter).SetValidator(new InsightsFilter.Validator());
            RuleFor(q => q.After).MaximumLength(100);
        }
    }

    /// <summary>A case row as the SQL returns it.</summary>
    public sealed class CaseRow
    {
        public Guid Id { get; init; }
        public string Reference { get; init; } = string.Empty;
        public DateTime ReceivedAt { get; init; }
        public string Status { get; init; } = string.Empty;
        public string? Outcome { get; init; }
        public string? ContactOutcome { get; init; }
        public string? Rating { get; init; }
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var measure = InsightsMeasures.Find(request.Measure)!;
            var filter = request.Filter.Resolve(clock.GetUtcNow());
            var (where, parameters) = InsightsSql.Where(filter, measure.Subject);
            var predicate = request.Numerator ? $"({measure.Denominator}) AND ({measure.Numerator})" : measure.Denominator;
            var keyset = string.Empty;
            if (Cursor.Decode(request.After) is { } after)
            {
                keyset = " AND (c.\"ReceivedAt\", c.\"Id\") < (@afterAt, @afterId)";
                parameters.Add(new("afterAt", after.ReceivedAt));
                parameters.Add(new("afterId", after.Id));
            }

            parameters.Add(new("take", PageSize + 1));
            var columns = measure.Subject == MeasureSubject.EarlyHelpWork
                ? "NULL AS \"ContactOutcome\", NULL AS \"Rating\""
                : "c.\"ContactOutcome\", c.\"Rating\"";
            var rows = await InsightsSql.Run<CaseRow>(db, $"""
                SELECT c."Id", c."Reference", c."ReceivedAt", c."Status", c."Outcome", {columns}
                {InsightsSql.From(measure.Subject)}
                {where} AND ({predicate}){keyset}
                ORDER BY c."ReceivedAt" DESC, c."Id" DESC
                LIMIT @take
                """, parameters).ToListAsync(cancellationToken);

            var page = rows.Take(PageSize).Select(r => new Row(
                r.Id, r.Reference, new DateTimeOffset(DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc)),
                measure.Subject == MeasureSubject.EarlyHelpWork ? EarlyHelpOutcomeText(r) : OutcomeText(r),
                Enum.TryParse<BragRating>(r.Rating, out var rating) ? rating : null)).ToList();
            var next = rows.Count > PageSize ? Cursor.Encode(rows[PageSize - 1].ReceivedAt, rows[PageSize - 1].Id) : null;
            return new Result(measure, request.Numerator, filter, page, next);
        }

        private static string OutcomeText(CaseRow row) =>
            Enum.TryParse<DecisionOutcome>(row.Outcome, out var outcome) ? outcome.DisplayName()
            : row.ContactOutcome == nameof(ContactOutcome.ClosedAtContact) ? ContactOutcome.ClosedAtContact.DisplayName()
            : Enum.Parse<MashCaseStatus>(row.Status).DisplayName();

        private static string EarlyHelpOutcomeText(CaseRow row) =>
            Enum.TryParse<EarlyHelpOutcome>(row.Outcome, out var outcome) ? outcome.DisplayName()
            : Enum.Parse<EarlyHelpCaseStatus>(row.Status).DisplayName();
    }

    /// <summary>The last row of a page: its receipt time (UTC ticks) and id.</summary>
    public static class Cursor
    {
        public static string Encode(DateTime receivedAt, Guid id) =>
            $"{DateTime.SpecifyKind(receivedAt, DateTimeKind.Utc).Ticks.ToString(CultureInfo.InvariantCulture)}-{id:N}";

        public static (DateTime ReceivedAt, Guid Id)? Decode(string? value)
        {
            var parts = value?.Split('-');
            return parts is { Length: 2 }
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks
                && Guid.TryParseExact(parts[1], "N", out var id)
                ? (new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
    }
}
