using System.Globalization;
using System.Text;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Insights.Audits;

/// <summary>
/// The audit's figures, as the threshold audits reported them: each a numerator over a denominator with
/// the cases behind both, overall and per stratum (docs/decisions/0077); and the judgements as CSV.
/// </summary>
public sealed class ReportModel(IMediator mediator) : CommandPageModel
{
    public View Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await mediator.Send(new Query(id), HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }

        Report = view;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id)
    {
        return OutcomeOf(await mediator.Send(new Download(id), HttpContext.RequestAborted), csv =>
            File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                $"case-audit-{id}.csv"));
    }

    public sealed record Query(Guid AuditId) : IQuery<View?>;

    /// <summary>The judgements as CSV; a download is recorded on the audit trail.</summary>
    public sealed record Download(Guid AuditId) : ICommand<CommandResult<string>>;

    public sealed record View(Guid Id, string Title, DateOnly From, DateOnly To, CaseAuditStatus Status, int Sampled, int Judged,
        IReadOnlyList<AuditReportSection> Sections);

    public sealed record Row(string Reference, AuditedCase Judged);

    /// <summary>The audit and its sample with each case's reference, in stratum and draw order: what the page and the CSV share.</summary>
    public static class Sample
    {
        public static async Task<(CaseAudit Audit, List<Row> Rows)?> LoadAsync(PortalDbContext db, Guid auditId,
            CancellationToken cancellationToken)
        {
            var audit = await db.CaseAudits.AsNoTracking().SingleOrDefaultAsync(a => a.Id == auditId, cancellationToken);
            if (audit is null)
            {
                return null;
            }

            var rows = await db.AuditedCases.AsNoTracking().Where(c => c.AuditId == auditId)
                .Join(db.MashCases, a => a.CaseId, c => c.Id, (a, c) => new { c.Reference, Judged = a })
                .ToListAsync(cancellationToken);
            return (audit,
                [.. rows.Select(r => new Row(r.Reference, r.Judged)).OrderBy(r => r.Judged.Stratum).ThenBy(r => r.Judged.Position)]);
        }
    }

    public sealed class QueryHandler(PortalDbContext db) : IRequestHandler<Query, View?>
    {
        public async Task<View?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await Sample.LoadAsync(db, request.AuditId, cancellationToken) is not var (audit, rows))
            {
                return null;
            }

            var judged = rows.Where(r => r.Judged.IsJudged).Select(r => new JudgedCase(r.Reference, r.Judged.Stratum, r.Judged.Judgement!))
                .ToList();
            return new View(audit.Id, audit.Title, audit.PeriodFrom, audit.PeriodTo, audit.Status, rows.Count, judged.Count,
                AuditReport.Compute(judged, audit.Strata));
        }
    }

    public sealed class DownloadHandler(PortalDbContext db, IAuditTrail trail) : IRequestHandler<Download, CommandResult<string>>
    {
        public async Task<CommandResult<string>> Handle(Download request, CancellationToken cancellationToken)
        {
            if (await Sample.LoadAsync(db, request.AuditId, cancellationToken) is not var (audit, rows))
            {
                return CommandResult.NotFound;
            }

            var csv = new StringBuilder();
            Line(csv,
                ["Reference", "Group", "Drawn", "Judged", "Referrer's level correct", "Quality", "Good referral features",
                "Right agencies contacted",
                "Agrees with decision", "Feedback given", "Comments"]);
            foreach (var row in rows)
            {
                var j = row.Judged;
                Line(csv,
                    [row.Reference, j.Stratum.DisplayName(), j.Position.ToString(CultureInfo.InvariantCulture), j.IsJudged ? "Yes" : "No",
                    j.Level?.DisplayName(), j.Quality?.DisplayName(), string.Join("; ", j.Features.Select(f => f.DisplayName())),
                    j.Agencies?.DisplayName(), j.Agreement?.DisplayName(), j.Feedback?.DisplayName(), j.Comments]);
            }

            await trail.RecordNowAsync(CaseAuditEvents.ReportDownloaded, CaseAuditEvents.SubjectType, audit.Id.ToString(),
                cancellationToken: cancellationToken);
            return CommandResult.SavedWith(csv.ToString());
        }

        private static void Line(StringBuilder csv, IEnumerable<string?> cells) =>
            csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

        /// <summary>Quoted, and a leading formula character neutralised, so a spreadsheet never runs a comment as a formula.</summary>
        public static string Cell(string? value)
        {
            var text = value ?? string.Empty;
            if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
            {
                text = "'" + text;
            }

            return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }
    }
}
