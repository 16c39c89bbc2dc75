using FluentValidation;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>The periods the insights page offers; Custom reads the two dates.</summary>
public enum InsightsPeriod
{
    Last4Weeks,
    LastQuarter,
    Last12Months,
    Custom,
}

/// <summary>
/// What the measures are computed over: cases received (by their receipt time) from the start of the
/// first day to the end of the last day, UK time, optionally from one organisation or one kind of
/// organisation. Bound from the query string, so every view is a shareable address.
/// </summary>
public sealed class InsightsFilter
{
    public const int MaxDays = 3660;

    public InsightsPeriod Period { get; set; } = InsightsPeriod.Last4Weeks;
    public DateParts From { get; set; } = new();
    public DateParts To { get; set; } = new();

    /// <summary>One referring organisation, or none.</summary>
    public Guid? Organisation { get; set; }

    /// <summary>One kind of referring organisation, or none (ignored when an organisation is chosen).</summary>
    public OrganisationKind? Kind { get; set; }

    /// <summary>The first and last day of the period, inclusive, as UK dates.</summary>
    public (DateOnly First, DateOnly Last) Days(DateTimeOffset now)
    {
        var today = UkTime.DateOf(now);
        return Period switch
        {
            InsightsPeriod.LastQuarter => (today.AddMonths(-3).AddDays(1), today),
            InsightsPeriod.Last12Months => (today.AddMonths(-12).AddDays(1), today),
            InsightsPeriod.Custom when From.ToDate() is { } first && To.ToDate() is { } last => (first, last),
            _ => (today.AddDays(-27), today),
        };
    }

    /// <summary>The period as a half-open range of instants: [start of the first day, start of the day after the last).</summary>
    public ResolvedFilter Resolve(DateTimeOffset now)
    {
        var (first, last) = Days(now);
        return new ResolvedFilter(StartOf(first), StartOf(last.AddDays(1)), first, last, Organisation, Organisation is null ? Kind : null,
            now);
    }

    /// <summary>The query string that reproduces this filter (for links to the cases and the exports).</summary>
    public string QueryString()
    {
        var parts = new List<(string Name, string? Value)> { ("period", Period.ToString()) };
        if (Period == InsightsPeriod.Custom)
        {
            parts.AddRange([("from.day", From.Day), ("from.month", From.Month), ("from.year", From.Year), ("to.day", To.Day),
                ("to.month", To.Month), ("to.year", To.Year)]);
        }

        if (Organisation is { } organisation)
        {
            parts.Add(("organisation", organisation.ToString()));
        }
        else if (Kind is { } kind)
        {
            parts.Add(("kind", kind.ToString()));
        }

        return string.Join('&', parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
    }

    private static DateTimeOffset StartOf(DateOnly day) => UkTime.StartOf(day);

    public static string Describe(DateOnly first, DateOnly last) =>
        $"{UkTime.Date(first)} to {UkTime.Date(last)}";

    /// <summary>Custom dates must be real dates, in order, and no more than ten years apart.</summary>
    public sealed class Validator : AbstractValidator<InsightsFilter>
    {
        public Validator()
        {
            When(f => f.Period == InsightsPeriod.Custom, () =>
            {
                RuleFor(f => f.From).Must(d => d.ToDate() is not null).OverridePropertyName("From")
                    .WithMessage("Enter the first day of the period as a real date, for example 1 4 2026");
                RuleFor(f => f.To).Must(d => d.ToDate() is not null).OverridePropertyName("To")
                    .WithMessage("Enter the last day of the period as a real date, for example 30 6 2026");
                RuleFor(f => f).Must(f => f.To.ToDate() >= f.From.ToDate()).OverridePropertyName("To")
                    .When(f => f.From.ToDate() is not null && f.To.ToDate() is not null)
                    .WithMessage("The last day must be the same as or after the first day");
                RuleFor(f => f).Must(f => f.To.ToDate()!.Value.DayNumber - f.From.ToDate()!.Value.DayNumber <= MaxDays)
                    .OverridePropertyName("To")
                    .When(f => f.From.ToDate() is not null && f.To.ToDate() is not null && f.To.ToDate() >= f.From.ToDate())
                    .WithMessage("Choose a period of ten years or less");
            });
            RuleFor(f => f.Kind).IsInEnum();
            RuleFor(f => f.Period).IsInEnum();
        }
    }
}

/// <summary>
/// The filter as the SQL reads it: the period's bounds (UTC start inclusive, end exclusive), its first and last days, the
/// organisation or kind, and when it was asked for (AsAt), so a timescale still running then is not counted as missed.
/// </summary>
public sealed record ResolvedFilter(DateTimeOffset Start, DateTimeOffset End, DateOnly First, DateOnly Last, Guid? Organisation,
    OrganisationKind? Kind, DateTimeOffset AsAt)
{
    public string Description => InsightsFilter.Describe(First, Last);
}
