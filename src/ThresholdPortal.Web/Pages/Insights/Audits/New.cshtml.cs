using System.Globalization;
using System.Security.Cryptography;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Audits;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.CaseAudits;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Insights.Audits;

/// <summary>
/// Starts a case audit: the period (by when cases were received), the strata, how many cases from each,
/// and optionally a seed. The sample is drawn at once and stored with the seed, so the same seed over the
/// same cases draws the same sample again (docs/decisions/0075).
/// </summary>
public sealed class NewModel(IMediator mediator) : CommandPageModel
{
    [BindProperty]
    public Create Data { get; set; } = new();

    public void OnGet()
    {
        Data.CasesPerStratum = "20";
    }

    public async Task<IActionResult> OnPostAsync() => OutcomeOf(await mediator.Send(Data), auditId => Redirect(AuditRoutes.Audit(auditId)));

    public sealed class Create : ICommand<CommandResult<Guid>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public string? Title { get; set; }
        public DateParts PeriodFrom { get; set; } = new();
        public DateParts PeriodTo { get; set; } = new();
        public List<string> Strata { get; set; } = [];
        public string? CasesPerStratum { get; set; }
        public string? Seed { get; set; }

        public IReadOnlyList<AuditStratum> ChosenStrata =>
            [.. Strata.Select(s =>
                Enum.TryParse<AuditStratum>(s, out var stratum) && Enum.IsDefined(stratum) ? stratum : (AuditStratum?)null)
                .OfType<AuditStratum>().Distinct()];

        public static int? ParseCount(string? value) =>
            int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        public static long? ParseSeed(string? value) =>
            long.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= AuditSampler.MaxSeed ? n
                : null;
    }

    public sealed class Validator : AbstractValidator<Create>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Title).NotEmpty().WithMessage("Enter a title for the audit")
                .MaximumLength(CaseAudit.TitleMaxLength).WithMessage($"The title must be {CaseAudit.TitleMaxLength} characters or fewer");
            RuleFor(c => c.PeriodFrom).Custom((date, context) => CheckDate(date, "start", nameof(Create.PeriodFrom), context));
            RuleFor(c => c.PeriodTo).Custom((date, context) => CheckDate(date, "end", nameof(Create.PeriodTo), context));
            RuleFor(c => c).Custom((c, context) =>
            {
                if (c.PeriodFrom.ToDate() is { } from && c.PeriodTo.ToDate() is { } to)
                {
                    if (to < from)
                    {
                        context.AddFailure(nameof(Create.PeriodTo), "The end of the period must be the same as or after its start");
                    }
                    else if (from > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                    {
                        context.AddFailure(nameof(Create.PeriodFrom), "The start of the period must be today or in the past");
                    }
                    else if (to > UkTime.Today(clock))
                    {
                        // The sample is drawn now, from cases already received: a later end would name days with no cases.
                        context.AddFailure(nameof(Create.PeriodTo), "The end of the period must be today or in the past");
                    }
                }
            });
            RuleFor(c => c.Strata).Must((c, strata) => strata.Count > 0 && c.ChosenStrata.Count == strata.Distinct().Count())
                .WithMessage("Select at least one group of cases to sample");
            RuleFor(c => c.CasesPerStratum).Must(v => Create.ParseCount(v) is >= 1 and <= CaseAudit.MaxCasesPerStratum)
                .WithMessage($"Enter how many cases to sample from each group, a whole number from 1 to {CaseAudit.MaxCasesPerStratum}");
            RuleFor(c => c.Seed).Must(v => string.IsNullOrWhiteSpace(v) || Create.ParseSeed(v) is not null)
                .WithMessage($"The seed must be a whole number from 0 to {AuditSampler.MaxSeed:N0}, or leave it empty");
        }

        private static void CheckDate(DateParts date, string end, string property, ValidationContext<Create> context)
        {
            if (date.IsEmpty)
            {
                context.AddFailure(property, $"Enter the date the period {(end == "start" ? "starts" : "ends")}");
            }
            else if (date.ToDate() is null)
            {
                context.AddFailure(property, $"The {end} of the period must be a real date, for example 1 9 2026");
            }
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<Create, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Create request, CancellationToken cancellationToken)
        {
            var from = request.PeriodFrom.ToDate()!.Value;
            var to = request.PeriodTo.ToDate()!.Value;
            var strata = request.ChosenStrata;
            var perStratum = Create.ParseCount(request.CasesPerStratum)!.Value;
            var seed = Create.ParseSeed(request.Seed) ?? RandomNumberGenerator.GetInt32(1, 1_000_000_000);

            var start = AuditDisplay.StartOf(from);
            var end = AuditDisplay.StartOf(to.AddDays(1));
            var outcomes = strata.SelectMany(s => s.Outcomes()).ToList();
            var atContact = strata.Contains(AuditStratum.ClosedAtContact);
            var closed = await db.MashCases.AsNoTracking()
                .Where(c => c.ReceivedAt >= start && c.ReceivedAt < end
                    && ((c.Outcome != null && outcomes.Contains(c.Outcome.Value))
                        || (atContact && c.ContactOutcome == ContactOutcome.ClosedAtContact)))
                .Select(c => new { c.Id, c.Outcome, c.ContactOutcome })
                .ToListAsync(cancellationToken);
            var populations = closed
                .Select(c => (c.Id, Stratum: AuditStratumExtensions.StratumOf(c.Outcome, c.ContactOutcome)))
                .Where(c => c.Stratum is { } s && strata.Contains(s))
                .GroupBy(c => c.Stratum!.Value)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)[.. g.Select(c => c.Id)]);

            var created = CaseAudit.Create(request.Title!, from, to, strata, perStratum, seed, populations, user.Id, clock.GetUtcNow());
            db.CaseAudits.Add(created);
            audit.Record(CaseAuditEvents.Created, CaseAuditEvents.SubjectType, created.Id.ToString(),
                $"Seed {seed}; {Plural.Of(created.Cases.Count, "case", "cases")} sampled");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(created.Id);
        }
    }
}
