using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Identifiers;
using ThresholdPortal.Domain.Matching;
using ThresholdPortal.Domain.People;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Cases;

/// <summary>
/// Matches one child or adult named in the referral against the people already known: candidates found by
/// name similarity (pg_trgm, so misspelled and swapped names are found) or date of birth, scored with the
/// evidence shown. The practitioner confirms one, or creates a new person; nothing links by itself
/// (docs/decisions/0032).
/// </summary>
public sealed class PersonModel(IMediator mediator, TimeProvider clock) : CasePageModel, IReloadOnInvalid
{
    public const string NewPerson = "new";

    [BindProperty]
    public Link Data { get; set; } = new();

    [FromRoute]
    public Guid SubjectId { get; set; }

    public Result View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid subjectId) =>
        await LoadAsync(id, subjectId, stamp: true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid subjectId)
    {
        Data.CaseId = id;
        Data.SubjectId = subjectId;
        return await OutcomeAsync(await mediator.Send(Data), id, () => LoadAsync(id, subjectId, stamp: true));
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, Guid subjectId)
    {
        var unlink = new Unlink { SubjectId = subjectId }.Stamp(id, Data.Version, Data.OpenedAt);
        return await OutcomeAsync(await mediator.Send(unlink), id, () => LoadAsync(id, subjectId, stamp: true));
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(RouteCaseId, SubjectId, stamp: false);

    private async Task<bool> LoadAsync(Guid id, Guid subjectId, bool stamp)
    {
        var view = await mediator.Send(new Query(id, subjectId), HttpContext.RequestAborted);
        if (view is null)
        {
            return false;
        }

        View = view;
        if (stamp)
        {
            Data.Stamp(id, view.Version, Now(clock));
        }

        return true;
    }

    public sealed record Query(Guid CaseId, Guid SubjectId) : IQuery<Result?>;

    public sealed record Candidate(
        Guid PersonId, string Name, DateOnly? DateOfBirth, string? Address, PersonRole Role, OpenInvolvement Involvement,
        MatchResult Match, int EarlierCases, DateOnly? ExpectedDate = null)
    {
        /// <summary>", born 3 May 2017", ", due March 2027" for a record made before the birth, or nothing.</summary>
        public string BornOrDue => DateOfBirth is { } born ? $", born {MashDisplay.Date(born)}"
            : ExpectedDate is { } due ? $", unborn when recorded, due {due.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}"
            : string.Empty;
    }

    public sealed record Result(
        Guid CaseId, string Reference, bool IsOpen, uint Version, CasePeople.Subject Subject, int Position,
        CasePeople.Linked? Linked, IReadOnlyList<Candidate> Candidates, IReadOnlyList<string> Conflicts,
        IReadOnlyList<Candidate> AtAddress);

    /// <summary>Confirms a known person (<see cref="Choice"/> is their id) or creates one ("new").</summary>
    public sealed class Link : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public Guid SubjectId { get; set; }
        public string? Choice { get; set; }
    }

    public sealed class Unlink : ICommand<CommandResult>, ICaseChange
    {
        public Guid CaseId { get; set; }
        public uint Version { get; set; }
        public long OpenedAt { get; set; }
        public Guid SubjectId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Link>
    {
        public Validator()
        {
            RuleFor(l => l.Choice).NotEmpty().WithMessage("Select the known person, or create a new person record")
                .Must(c => c == NewPerson || Guid.TryParse(c, out _)).WithMessage("Select the known person, or create a new person record");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, IAuditTrail audit, IOptions<TriageOptions> options) : IRequestHandler<Query,
        Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId, cancellationToken);
            if (mashCase is null)
            {
                return null;
            }

            var people = await CasePeople.LoadAsync(db, mashCase, options.Value.ReReferralWindowMonths, cancellationToken);
            var subject = people.Subjects.FirstOrDefault(s => s.SubjectId == request.SubjectId);
            if (subject is null)
            {
                return null;
            }

            var position = people.Subjects.Where(s => s.Role == subject.Role).ToList().IndexOf(subject) + 1;

            // The page shows the person's details and other people's records: a view of the case.
            await audit.RecordNowAsync(CaseEvents.Viewed, CaseEvents.SubjectType, mashCase.Id.ToString(),
                $"Matching {subject.Role} {position}", cancellationToken);
            var candidates = subject.Link is null ? await CandidatesAsync(subject, cancellationToken) : [];
            return new Result(mashCase.Id, mashCase.Reference, mashCase.IsOpen, mashCase.Version, subject, position, subject.Link,
                candidates, Conflicts(subject, candidates), await AtAddressAsync(subject, candidates, cancellationToken));
        }

        /// <summary>
        /// Candidates by trigram similarity among people who share the first or last word of the name (either way round,
        /// so swapped names are found) or the date of birth, through the blocked GiST indexes (ADR 0139); then scored in C# by the
        /// same rule the unit tests pin down. The same NHS number or UPN finds a record whatever its name, and
        /// lists first (docs/decisions/0106). An unborn baby, or a baby born near a record's expected date, also finds
        /// records due (or born, for an unborn baby) within eight weeks of its own date, through the date indexes.
        /// </summary>
        private async Task<IReadOnlyList<Candidate>> CandidatesAsync(CasePeople.Subject subject, CancellationToken cancellationToken)
        {
            var found = await PersonCandidates.FindAsync(db, new PersonCandidates.Probe(
                PersonName.SearchKey(subject.GivenName, subject.FamilyName), subject.DateOfBirth,
                subject.DateOfBirth ?? (subject.IsUnborn ? subject.ExpectedDate : null), subject.IsUnborn, subject.NhsNumber, subject.Upn),
                cancellationToken);
            var ids = found.Select(p => p.Id).ToList();
            var earlier = await db.PersonLinks.AsNoTracking().Where(l => ids.Contains(l.PersonId))
                .GroupBy(l => l.PersonId).Select(g => new { g.Key, Count = g.Select(l => l.CaseId).Distinct().Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var referred = subject.ForMatching;
            return
            [
                .. found
                    .Select(p =>
                        new Candidate(p.Id, p.DisplayName, p.DateOfBirth, Address(p), p.Role, p.Involvement,
                        PersonMatch.Score(referred, p.ForMatching), earlier.GetValueOrDefault(p.Id), p.ExpectedDate))
                    .Where(c => c.Match.Score >= 25)
                    .OrderByDescending(c => c.Match.IdentifierMatches).ThenByDescending(c => c.Match.Score)
                    .ThenBy(c => c.Name, StringComparer.Ordinal)
                    .Take(10),
            ];
        }

        /// <summary>
        /// Known people recorded at the child's address (same postcode and first line), other than the candidates already
        /// listed: the household the council knows there, suggested for the practitioner to check (issue 17, item 3).
        /// </summary>
        private async Task<IReadOnlyList<Candidate>> AtAddressAsync(CasePeople.Subject subject, IReadOnlyList<Candidate> candidates,
            CancellationToken cancellationToken)
        {
            if (subject.Postcode is not { } postcode || subject.AddressLine1 is not { } line1)
            {
                return [];
            }

            var shown = candidates.Select(c => c.PersonId).ToList();
            var line = line1.Trim().ToLowerInvariant();
            var found = await db.Persons.AsNoTracking()
                .Where(p => p.Postcode == postcode && p.AddressLine1 != null && p.AddressLine1.ToLower() == line && !shown.Contains(p.Id))
                .OrderBy(p => p.HouseholdId).ThenBy(p => p.DateOfBirth).Take(20).ToListAsync(cancellationToken);
            var referred = subject.ForMatching;
            return [.. found.Select(p => new Candidate(p.Id, p.DisplayName, p.DateOfBirth, Address(p), p.Role, p.Involvement,
                PersonMatch.Score(referred, p.ForMatching), 0, p.ExpectedDate))];
        }

        /// <summary>Two known records with the referral's NHS number may be one child recorded twice: say so.</summary>
        private static List<string> Conflicts(CasePeople.Subject subject, IReadOnlyList<Candidate> candidates)
        {
            var sharing = candidates.Count(c => subject.NhsNumber is not null && c.Match.Evidence.Contains("NHS number matches exactly"));
            return sharing > 1
                ? [$"{sharing} person records have the NHS number {NhsNumber.Display(subject.NhsNumber!)}. They may be one person " +
                    "recorded twice: check before linking"]
                : [];
        }

        private static string? Address(Person person)
        {
            var text = string.Join(", ",
                new[] { person.AddressLine1, person.Town, person.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));
            return text.Length == 0 ? null : text;
        }
    }

    public sealed class LinkHandler(PortalDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock,
        IOptions<TriageOptions> options)
        : IRequestHandler<Link, CommandResult>
    {
        public Task<CommandResult> Handle(Link request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, mashCase => LinkAsync(request, mashCase, cancellationToken), cancellationToken);

        private async Task<CommandResult?> LinkAsync(Link request, MashCase mashCase, CancellationToken cancellationToken)
        {
            if (!mashCase.IsOpen)
            {
                return new CommandResult.Refused("The case is closed.");
            }

            var subjects = await CasePeople.SubjectsAsync(db, mashCase.ReferralId, cancellationToken);
            var subject = subjects.FirstOrDefault(s => s.SubjectId == request.SubjectId);
            if (subject is null)
            {
                return CommandResult.NotFound;
            }

            var links = await db.PersonLinks.Where(l => l.CaseId == mashCase.Id).Select(l => new { l.SubjectId, l.PersonId })
                .ToListAsync(cancellationToken);
            if (links.Any(l => l.SubjectId == subject.SubjectId))
            {
                return new CommandResult.Refused("This person is already linked. Remove the link first if it is wrong.");
            }

            var now = clock.GetUtcNow();
            var position = $"{subject.Role} {subjects.Where(s => s.Role == subject.Role).ToList().IndexOf(subject) + 1}";
            Guid personId;
            int? score = null;
            if (request.Choice == NewPerson)
            {
                personId = await CreatePersonAsync(subject, links.Select(l => l.PersonId).ToList(), now, cancellationToken);
                audit.Record(CaseEvents.PersonCreated, CaseEvents.SubjectType, mashCase.Id.ToString(), $"{position} of the referral");
            }
            else
            {
                var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == Guid.Parse(request.Choice!), cancellationToken);
                if (person is null)
                {
                    return new CommandResult.Refused("That person record no longer exists. Choose again.");
                }

                personId = person.Id;
                score = PersonMatch.Score(subject.ForMatching, person.ForMatching).Score;

                // The practitioner has confirmed who this is, so the record learns the identifiers it lacked.
                person.TakeIdentifiersFrom(subject.NhsNumber, subject.Upn);
                audit.Record(CaseEvents.PersonLinked, CaseEvents.SubjectType, mashCase.Id.ToString(),
                    $"{position} of the referral; match score {score}");
            }

            db.PersonLinks.Add(new PersonLink
            {
                CaseId = mashCase.Id,
                ReferralId = mashCase.ReferralId,
                Role = subject.Role,
                SubjectId = subject.SubjectId,
                PersonId = personId,
                MatchScore = score,
                LinkedByUserId = user.Id,
                LinkedAt = now,
            });
            await CasePeople.RecordFindingsAsync(db, mashCase, [.. links.Select(l => l.PersonId), personId],
                options.Value.ReReferralWindowMonths, cancellationToken);
            return null;
        }

        /// <summary>A new record from what the referral says; it joins the household of anyone already linked on this case.</summary>
        private async Task<Guid> CreatePersonAsync(CasePeople.Subject subject, List<Guid> linkedPersonIds, DateTimeOffset now,
            CancellationToken cancellationToken)
        {
            var household = await db.Persons.Where(p => linkedPersonIds.Contains(p.Id)).Select(p => (Guid?)p.HouseholdId)
                .FirstOrDefaultAsync(cancellationToken);
            if (household is null)
            {
                var created = new Household { CreatedAt = now };
                db.Households.Add(created);
                household = created.Id;
            }

            var child = await db.ReferralChildren.AsNoTracking().Where(c => c.Id == subject.SubjectId)
                .Select(c => new { c.AddressLine1, c.Town, c.Postcode }).SingleOrDefaultAsync(cancellationToken);
            var person = new Person
            {
                Role = subject.Role,
                GivenName = subject.GivenName ?? string.Empty,
                FamilyName = subject.FamilyName ?? string.Empty,
                DateOfBirth = subject.DateOfBirth,
                ExpectedDate = subject.IsUnborn ? subject.ExpectedDate : null,
                NhsNumber = subject.NhsNumber,
                Upn = subject.Upn,
                AddressLine1 = child?.AddressLine1,
                Town = child?.Town,
                Postcode = child?.Postcode,
                HouseholdId = household.Value,
                Involvement = OpenInvolvement.None,
                CreatedAt = now,
                CreatedByUserId = user.Id,
            };
            db.Persons.Add(person);
            return person.Id;
        }
    }

    public sealed class UnlinkHandler(PortalDbContext db, IAuditTrail audit, IOptions<TriageOptions> options) : IRequestHandler<Unlink,
        CommandResult>
    {
        public Task<CommandResult> Handle(Unlink request, CancellationToken cancellationToken) =>
            CaseChanges.ChangeAsync(db, request, mashCase => UnlinkAsync(request, mashCase, cancellationToken), cancellationToken);

        private async Task<CommandResult?> UnlinkAsync(Unlink request, MashCase mashCase, CancellationToken cancellationToken)
        {
            var links = await db.PersonLinks.Where(l => l.CaseId == mashCase.Id).ToListAsync(cancellationToken);
            var link = links.FirstOrDefault(l => l.SubjectId == request.SubjectId);
            if (link is null || !mashCase.IsOpen)
            {
                return new CommandResult.Refused(link is null ? "This person is not linked." : "The case is closed.");
            }

            db.PersonLinks.Remove(link);
            audit.Record(CaseEvents.PersonUnlinked, CaseEvents.SubjectType, mashCase.Id.ToString(), $"{link.Role} link removed");
            await CasePeople.RecordFindingsAsync(db, mashCase, [.. links.Where(l => l != link).Select(l => l.PersonId)],
                options.Value.ReReferralWindowMonths, cancellationToken);
            return null;
        }
    }
}
