using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.SubjectAccess;

/// <summary>Which record a candidate is: a known person, or a child or adult a referral named.</summary>
public enum SubjectRecordKind
{
    Person,
    ReferralChild,
    ReferralAdult,
}

/// <summary>One record that may be the person asked about; the officer chooses which are.</summary>
public sealed record SubjectCandidate(SubjectRecordKind Kind, Guid Id, string Name, DateOnly? DateOfBirth, string? NhsNumber,
    string Where, int Score, IReadOnlyList<Guid> LinkedRecordIds)
{
    /// <summary>"ReferralChild:…": the form value that chooses it.</summary>
    public string Key => $"{Kind}:{Id:N}";

    public static bool TryParse(string? key, out SubjectRecordKind kind, out Guid id)
    {
        var parts = (key ?? string.Empty).Split(':');
        id = Guid.Empty;
        kind = default;
        return parts.Length == 2 && Enum.TryParse(parts[0], out kind) && Enum.IsDefined(kind) && Guid.TryParseExact(parts[1], "N", out id);
    }
}

/// <summary>
/// Finds every record that may be one person (docs/decisions/0123): a name by pg_trgm similarity (as the MASH queue does,
/// docs/decisions/0093), a date of birth or an NHS number exactly. Any one of them finds a record; the name's score ranks it.
/// The search is audited by counts only.
/// </summary>
public static class SubjectSearch
{
    public const int NameMaxLength = 100;
    public const int MaxCandidates = 100;

    public sealed record Query(string? Name, DateOnly? DateOfBirth, string? NhsNumber) : IQuery<IReadOnlyList<SubjectCandidate>>
    {
        public string? NameKey => Trigrams.Normalise(Name) is { Length: > 0 } key ? key : null;

        public string? NhsKey =>
            string.IsNullOrWhiteSpace(NhsNumber) ? null : NhsNumber.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Name).MaximumLength(NameMaxLength).WithMessage($"Name must be {NameMaxLength} characters or fewer");
            RuleFor(q => q.NhsKey).Matches("^[0-9]{10}$").When(q => q.NhsKey is not null).OverridePropertyName(nameof(Query.NhsNumber))
                .WithMessage("NHS number must be 10 digits, like 485 777 3456");
            RuleFor(q => q).Must(q => q.NameKey is not null || q.DateOfBirth is not null || q.NhsKey is not null)
                .OverridePropertyName(nameof(Query.Name)).WithMessage("Enter a name, a date of birth or an NHS number");
        }
    }

    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Query, IReadOnlyList<SubjectCandidate>>
    {
        public async Task<IReadOnlyList<SubjectCandidate>> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await FindAsync(db, request, cancellationToken);
            var criteria = string.Join(", ", new[]
            {
                request.NameKey is null ? null : "name",
                request.DateOfBirth is null ? null : "date of birth",
                request.NhsKey is null ? null : "NHS number",
            }.OfType<string>());
            await audit.RecordNowAsync(SubjectAccessEvents.Searched, SubjectAccessEvents.SubjectType, "search",
                $"By {criteria}; {found.Count.ToString(CultureInfo.InvariantCulture)} records found", cancellationToken);
            return found;
        }
    }

    public static async Task<IReadOnlyList<SubjectCandidate>> FindAsync(PortalDbContext db, Query q, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(q);
        var name = q.NameKey;
        var born = q.DateOfBirth;
        var nhs = q.NhsKey;
        var children = await db.ReferralChildren.AsNoTracking()
            .Where(c => (name != null && (EF.Functions.TrigramsAreSimilar((c.GivenName + " " + c.FamilyName).ToLower(), name)
                    || EF.Functions.TrigramsAreWordSimilar(name, (c.GivenName + " " + c.FamilyName).ToLower())))
                || (born != null && c.DateOfBirth == born)
                || (nhs != null && c.NhsNumber != null && c.NhsNumber.Replace(" ", "") == nhs))
            .Join(db.Referrals, c => c.ReferralId, r => r.Id, (c, r) => new { c.Id, c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber,
                r.Reference })
            .Take(MaxCandidates).ToListAsync(ct);
        var adults = await db.ReferralAdults.AsNoTracking()
            .Where(a => (name != null && (EF.Functions.TrigramsAreSimilar((a.GivenName + " " + a.FamilyName).ToLower(), name)
                    || EF.Functions.TrigramsAreWordSimilar(name, (a.GivenName + " " + a.FamilyName).ToLower())))
                || (born != null && a.DateOfBirth == born))
            .Join(db.Referrals, a => a.ReferralId, r => r.Id, (a, r) => new { a.Id, a.GivenName, a.FamilyName, a.DateOfBirth, r.Reference })
            .Take(MaxCandidates).ToListAsync(ct);
        var persons = await db.Persons.AsNoTracking()
            .Where(p => (name != null
                    && (EF.Functions.TrigramsAreSimilar(p.SearchName, name) || EF.Functions.TrigramsAreWordSimilar(name, p.SearchName)))
                || (born != null && p.DateOfBirth == born)
                || (nhs != null && p.NhsNumber != null && p.NhsNumber.Replace(" ", "") == nhs))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber,
                Linked = db.PersonLinks.Where(l => l.PersonId == p.Id).Select(l => l.SubjectId).ToList() })
            .Take(MaxCandidates).ToListAsync(ct);

        var asked = new PersonDetails(GivenOf(q.Name), FamilyOf(q.Name), born, nhs);
        int Score(string? given, string? family, DateOnly? dob, string? number) => name is null && nhs is null
            ? 100
            : PersonMatch.Score(asked, new PersonDetails(given ?? string.Empty, family ?? string.Empty, dob, number)).Score;
        List<SubjectCandidate> all =
        [
            .. persons.Select(p => new SubjectCandidate(SubjectRecordKind.Person, p.Id, $"{p.GivenName} {p.FamilyName}", p.DateOfBirth,
                p.NhsNumber, "Known person", Score(p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber), p.Linked)),
            .. children.Select(c => new SubjectCandidate(SubjectRecordKind.ReferralChild, c.Id, $"{c.GivenName} {c.FamilyName}".Trim(),
                c.DateOfBirth, c.NhsNumber, $"Child in referral {c.Reference ?? "(draft)"}",
                Score(c.GivenName, c.FamilyName, c.DateOfBirth, c.NhsNumber), [])),
            .. adults.Select(a => new SubjectCandidate(SubjectRecordKind.ReferralAdult, a.Id, $"{a.GivenName} {a.FamilyName}".Trim(),
                a.DateOfBirth, null, $"Adult in referral {a.Reference ?? "(draft)"}", Score(a.GivenName, a.FamilyName, a.DateOfBirth, null),
                [])),
        ];
        return [.. all.OrderByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    private static string GivenOf(string? name) => Trigrams.Normalise(name).Split(' ')[0];

    private static string FamilyOf(string? name) => Trigrams.Normalise(name) is var all && all.Contains(' ', StringComparison.Ordinal)
        ? all[(all.LastIndexOf(' ') + 1)..] : string.Empty;
}
