using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals.Quality;
using ThresholdPortal.Web.Features.Insights;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Insights;

/// <summary>
/// The live measures of the front door for a period, computed by a handful of aggregate queries in
/// PostgreSQL (docs/decisions/0070), with two charts and their data tables.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadOnInvalid
{
    [BindProperty(SupportsGet = true)]
    public InsightsFilter Filter { get; set; } = new();

    public Result? View { get; private set; }

    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    /// <summary>MASH staff may open the cases behind a measure; administrators and auditors see references only.</summary>
    public bool CanOpenCases => User.IsInRole(PortalRole.MashManager) || User.IsInRole(PortalRole.MashPractitioner);

    public async Task OnGetAsync()
    {
        Organisations = await mediator.Send(new OrganisationsQuery());
        View = await mediator.Send(new Query(Filter));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        Organisations = await mediator.Send(new OrganisationsQuery(), cancellationToken);
        return true;
    }

    public sealed record Query(InsightsFilter Filter) : IQuery<Result>;

    public sealed record OrganisationsQuery : IQuery<IReadOnlyList<Choice>>;

    public sealed record Choice(Guid Id, string Name);

    public sealed record Week(DateOnly Starts, long Count);

    public sealed record Row(string Label, Ratio Ratio);

    public sealed record Result(
        ResolvedFilter Filter,
        IReadOnlyList<MeasureResult> Measures,
        IReadOnlyList<Week> Weeks,
        IReadOnlyList<Row> ConversionByKind,
        IReadOnlyList<Row> ConversionByOrganisation,
        IReadOnlyList<Row> RequestsOnTimeByAgency,
        IReadOnlyList<Row> QualityFlags);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Filter).SetValidator(new InsightsFilter.Validator());
    }

    public sealed class OrganisationsHandler(PortalDbContext db) : IRequestHandler<OrganisationsQuery, IReadOnlyList<Choice>>
    {
        public async Task<IReadOnlyList<Choice>> Handle(OrganisationsQuery request, CancellationToken cancellationToken) =>
            await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    public sealed class Handler(PortalDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var filter = request.Filter.Resolve(now);
            var overview = await InsightsOverview.ReadAsync(db, filter, cancellationToken);
            var (measures, weeks, byKind, byOrganisation, agencies, flags) =
                (overview.Measures, overview.Weeks, overview.ByKind, overview.ByOrganisation, overview.Agencies, overview.Flags);
            var portalReferrals = measures.Single(m => m.Measure.Key == "referrals").Ratio.Numerator;

            return new Result(
                filter,
                measures,
                FillWeeks(filter, weeks),
                [.. byKind.Select(k => new Row(KindName(k.Key), new Ratio(k.Numerator, k.Denominator)))
                    .OrderByDescending(r => r.Ratio.Denominator).ThenBy(r => r.Label, StringComparer.Ordinal)],
                [.. byOrganisation.OrderByDescending(k => k.Denominator).ThenBy(k => k.Key, StringComparer.Ordinal).Take(20)
                    .Select(k => new Row(k.Key, new Ratio(k.Numerator, k.Denominator)))],
                [.. agencies.Select(a => new Row(a.Key, new Ratio(a.Numerator, a.Denominator)))],
                [.. flags.Select(f => new Row(FlagName(f.Key), new Ratio(f.Numerator, portalReferrals)))]);
        }

        /// <summary>Every week of the period appears, with zero where nothing arrived, so the chart's gaps are real.</summary>
        private static List<Week> FillWeeks(ResolvedFilter filter, IReadOnlyList<KeyedCount> counts)
        {
            var byWeek = counts.ToDictionary(c =>
                DateOnly.ParseExact(c.Key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c => c.Numerator);
            var monday = filter.First.AddDays(-(((int)filter.First.DayOfWeek + 6) % 7));
            var weeks = new List<Week>();
            for (var week = monday; week <= filter.Last; week = week.AddDays(7))
            {
                weeks.Add(new Week(week, byWeek.GetValueOrDefault(week)));
            }

            return weeks;
        }

        private static string KindName(string kind) =>
            Enum.TryParse<OrganisationKind>(kind, out var parsed) ? parsed.DisplayName() : "Members of the public (recorded contacts)";

        private static string FlagName(string kind) => Enum.TryParse<QualityFlagKind>(kind, out var parsed)
            ? parsed switch
            {
                QualityFlagKind.UnexplainedAcronym => "Unexplained acronym",
                QualityFlagKind.UnknownTerm => "Unexplained term",
                QualityFlagKind.NameSpelledDifferently => "Name spelled differently",
                QualityFlagKind.ConcernsTooShort => "Concerns too short",
                QualityFlagKind.ConcernsTooLong => "Concerns too long",
                QualityFlagKind.NoChildsVoice => "No child's voice",
                QualityFlagKind.NoConsentDecision => "No consent decision",
                QualityFlagKind.LevelDiffersWithoutAnalysis => "Level differs from the guidance without an analysis",
                _ => kind,
            }
            : kind;
    }
}
