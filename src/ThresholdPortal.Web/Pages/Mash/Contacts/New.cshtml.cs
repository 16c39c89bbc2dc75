using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Organisations;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Contacts;

/// <summary>
/// Records a contact received by phone, e-mail or in person from someone without an account (a relative,
/// a neighbour, the child, an anonymous caller). The practitioner writes it down in the referral's own
/// structure, marked with the channel and the referral source code, and it joins the queue at once.
/// </summary>
public sealed class NewModel(IMediator mediator) : CommandPageModel
{
    public const int ChildSlots = 3;
    public const int AdultSlots = 2;

    [BindProperty]
    public Record Data { get; set; } = new();

    public void OnGet()
    {
        Data.IdempotencyKey = Guid.CreateVersion7();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        return OutcomeOf(await mediator.Send(Data), caseId => Redirect(MashRoutes.Case(caseId)));
    }

    public sealed class ChildEntry
    {
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public DateParts DateOfBirth { get; set; } = new();
        public string? AddressLine1 { get; set; }
        public string? Town { get; set; }
        public string? Postcode { get; set; }
        public string? SchoolOrSetting { get; set; }
        public ChildIdentity Identity { get; set; } = new();

        public bool IsEmpty => string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(FamilyName) && DateOfBirth.IsEmpty
            && string.IsNullOrWhiteSpace(AddressLine1) && string.IsNullOrWhiteSpace(Postcode) && Identity.IsEmpty;
    }

    public sealed class AdultEntry
    {
        public string? GivenName { get; set; }
        public string? FamilyName { get; set; }
        public string? Relationship { get; set; }

        public bool IsEmpty =>
            string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(FamilyName) && string.IsNullOrWhiteSpace(Relationship);
    }

    /// <summary>Records the contact; returns its case.</summary>
    public sealed class Record : ICommand<CommandResult<Guid>>
    {
        private List<ChildEntry> children = Padded<ChildEntry>([], ChildSlots);
        private List<AdultEntry> adults = Padded<AdultEntry>([], AdultSlots);

        public Guid IdempotencyKey { get; set; }
        public ContactChannel? Channel { get; set; }
        public string? SourceCode { get; set; }
        public string? CallerName { get; set; }
        public string? CallerRelationship { get; set; }
        public string? CallerPhone { get; set; }
        public string? CallerEmail { get; set; }
        // Always as many slots as the form shows, however few were posted, so the form can be shown again.
        public List<ChildEntry> Children { get => children; set => children = Padded(value, ChildSlots); }

        public List<AdultEntry> Adults { get => adults; set => adults = Padded(value, AdultSlots); }
        public bool? ChildInImmediateDanger { get; set; }
        public string? WhatHappened { get; set; }
        public string? RiskFactors { get; set; }
        public string? ProtectiveFactors { get; set; }
        public List<string> Categories { get; set; } = [];

        private static List<T> Padded<T>(List<T>? posted, int slots)
            where T : new() =>
            [.. (posted ?? []).Take(slots), .. Enumerable.Range(0, Math.Max(0, slots - (posted?.Count ?? 0))).Select(_ => new T())];
    }

    public sealed class Validator : AbstractValidator<Record>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.Channel).NotNull().WithMessage("Select how the contact was received")
                .Must(c => c is null || ContactChannelExtensions.Recorded.Contains(c.Value))
                    .WithMessage("Select how the contact was received");
            RuleFor(r => r.SourceCode).NotEmpty().WithMessage("Select who made the contact")
                .Must(code => ReferralSource.NonProfessional.Any(s => s.Code == code)).WithMessage("Select who made the contact");
            RuleFor(r => r.CallerName)
                .RequiredAnswer("Enter the caller's name, or choose anonymous", "The caller's name", ReferrerContact.NameMaxLength)
                .When(r => r.SourceCode != ReferralSource.Anonymous.Code);
            RuleFor(r => r.CallerName).Answer("The caller's name", ReferrerContact.NameMaxLength);
            RuleFor(r => r.CallerRelationship).Answer("The caller's relationship to the child", ReferrerContact.JobTitleMaxLength);
            RuleFor(r => r.CallerPhone).Answer("The phone number", ReferrerContact.PhoneMaxLength)
                .Must(ReferralValidation.IsPhoneNumber).When(r => !string.IsNullOrWhiteSpace(r.CallerPhone))
                .WithMessage("Enter a phone number, like 01632 960 001 or 07700 900 982");
            RuleFor(r => r.CallerEmail).Answer("The email address", ReferrerContact.EmailMaxLength)
                .EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.CallerEmail))
                .WithMessage("Enter an email address in the correct format, like name@example.org");
            RuleFor(r => r.Children)
                .Must(children => children.Any(c => !string.IsNullOrWhiteSpace(c.GivenName) || !string.IsNullOrWhiteSpace(c.FamilyName)))
                .WithMessage("Enter the name of at least one child, or what the caller called them")
                .OverridePropertyName("Children[0].GivenName");
            RuleForEach(r => r.Children).ChildRules(child =>
            {
                child.RuleFor(c => c.GivenName).Answer("The child's first name", ReferralChild.NameMaxLength);
                child.RuleFor(c => c.FamilyName).Answer("The child's last name", ReferralChild.NameMaxLength);
                child.RuleFor(c => c.AddressLine1).Answer("The address", ReferralChild.AddressLineMaxLength);
                child.RuleFor(c => c.Town).Answer("The town", ReferralChild.AddressLineMaxLength);
                child.RuleFor(c => c.SchoolOrSetting).Answer("The school", ReferralChild.SchoolMaxLength);
                child.RuleFor(c => c.Postcode).Must(p => string.IsNullOrWhiteSpace(p) || ReferralValidation.IsPostcode(p))
                    .WithMessage("Enter a real postcode, like NT1 1AA");
                child.RuleFor(c => c.DateOfBirth).Must(d => d.IsEmpty || d.ToDate() is not null)
                    .WithMessage("Date of birth must be a real date")
                    .Must(d => d.ToDate() is not { } born || born <= UkCalendar.Today(clock))
                        .WithMessage("Date of birth must be today or in the past");
                child.RuleFor(c => c.Identity).SetValidator(new ChildIdentityValidator());
            });
            RuleForEach(r => r.Adults).ChildRules(adult =>
            {
                adult.RuleFor(a => a.GivenName).Answer("The adult's first name", SignificantAdult.NameMaxLength);
                adult.RuleFor(a => a.FamilyName).Answer("The adult's last name", SignificantAdult.NameMaxLength);
                adult.RuleFor(a => a.Relationship).Answer("The relationship", SignificantAdult.RelationshipMaxLength);
            });
            RuleFor(r => r.ChildInImmediateDanger).NotNull().WithMessage("Say whether a child is in immediate danger");
            RuleFor(r => r.WhatHappened)
                .RequiredAnswer("Enter what the caller told you", "What the caller told you", ReferralConcerns.LongAnswerMaxLength);
            RuleFor(r => r.RiskFactors).Answer("Risks", ReferralConcerns.LongAnswerMaxLength);
            RuleFor(r => r.ProtectiveFactors).Answer("What keeps the child safe", ReferralConcerns.LongAnswerMaxLength);
            RuleForEach(r => r.Categories).Must(key => ConcernCategory.Find(key) is not null).WithMessage("Select a concern from the list");
        }
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser user, TimeProvider clock, IConfiguration configuration,
        MashIntake intake)
        : IRequestHandler<Record, CommandResult<Guid>>
    {
        public async Task<CommandResult<Guid>> Handle(Record request, CancellationToken cancellationToken)
        {
            // The same form sent twice (a double click, a retry) records one contact.
            var existing = await db.MashCases.Where(c =>
                db.Referrals.Any(r => r.Id == c.ReferralId && r.IdempotencyKey == request.IdempotencyKey))
                .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is { } caseId)
            {
                return CommandResult.SavedWith(caseId);
            }

            var documentId = await db.CurrentDocumentIdAsync(cancellationToken)
                ?? throw new InvalidOperationException("No threshold document is loaded: the reference data has not been seeded.");
            var now = clock.GetUtcNow();
            var anonymous = request.SourceCode == ReferralSource.Anonymous.Code;
            var referral = new Referral
            {
                IdempotencyKey = request.IdempotencyKey == Guid.Empty ? Guid.CreateVersion7() : request.IdempotencyKey,
                ReferrerUserId = user.Id,
                ReferringOrganisationId = user.OrganisationId,
                ReferralSourceCode = request.SourceCode!,
                ThresholdDocumentId = documentId,
                CreatedAt = now,
                UpdatedAt = now,
                ChildInImmediateDanger = request.ChildInImmediateDanger,
                Categories = [.. request.Categories.Distinct()],
                Concerns =
                {
                    WhatHappened = ReferralValidation.Clean(request.WhatHappened),
                    RiskFactors = ReferralValidation.Clean(request.RiskFactors),
                    ProtectiveFactors = ReferralValidation.Clean(request.ProtectiveFactors),
                },
                Referrer =
                {
                    Name = anonymous && string.IsNullOrWhiteSpace(request.CallerName) ? "Anonymous"
                        : ReferralValidation.Clean(request.CallerName),
                    JobTitle = ReferralValidation.Clean(request.CallerRelationship),
                    Phone = ReferralValidation.Clean(request.CallerPhone),
                    Email = ReferralValidation.Clean(request.CallerEmail),
                },
            };
            var order = 0;
            foreach (var child in request.Children.Where(c => !c.IsEmpty))
            {
                var referralChild = new ReferralChild
                {
                    ReferralId = referral.Id,
                    Order = order++,
                    GivenName = ReferralValidation.Clean(child.GivenName),
                    FamilyName = ReferralValidation.Clean(child.FamilyName),
                    DateOfBirth = child.DateOfBirth.ToDate(),
                    AddressLine1 = ReferralValidation.Clean(child.AddressLine1),
                    Town = ReferralValidation.Clean(child.Town),
                    Postcode = ReferralValidation.NormalisePostcode(child.Postcode),
                    SchoolOrSetting = ReferralValidation.Clean(child.SchoolOrSetting),
                };
                child.Identity.ApplyTo(referralChild);
                referral.Children.Add(referralChild);
            }

            order = 0;
            foreach (var adult in request.Adults.Where(a => !a.IsEmpty))
            {
                referral.Adults.Add(new SignificantAdult
                {
                    ReferralId = referral.Id,
                    Order = order++,
                    GivenName = ReferralValidation.Clean(adult.GivenName),
                    FamilyName = ReferralValidation.Clean(adult.FamilyName),
                    Relationship = ReferralValidation.Clean(adult.Relationship),
                });
            }

            var reference = await ReferenceNumbers.NextAsync(db, ReferenceNumbers.Prefix(configuration), now, cancellationToken);
            referral.ReceiveAsContact(reference, now);
            db.Referrals.Add(referral);
            var mashCase = intake.OpenCase(referral, request.Channel!.Value)!;
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(mashCase.Id);
        }
    }
}
