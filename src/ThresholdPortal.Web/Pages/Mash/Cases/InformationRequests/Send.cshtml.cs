using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.InformationRequests;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Domain.Triage;
using ThresholdPortal.Web.Features.InformationRequests;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Features.Triage;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Mash.Cases.InformationRequests;

/// <summary>
/// Sends one agency a request: which organisation, who it names, what it asks, under which lawful basis.
/// The request, the e-mails to the organisation's responders and the audit event are stored in one
/// transaction. The agency sees only the names, dates of birth, addresses and questions (docs/decisions/0040).
/// </summary>
public sealed class SendModel(IMediator mediator) : CommandPageModel, IReloadOnInvalid
{
    [FromRoute(Name = "id")]
    public Guid RouteCaseId { get; set; }

    [FromRoute]
    public string AgencyKey { get; set; } = string.Empty;

    [BindProperty]
    public SendRequest Data { get; set; } = new();

    public SendForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string agencyKey)
    {
        if (!await LoadAsync(id, agencyKey, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Data.OrganisationId = Form.SuggestedOrganisationId;
        Data.ChildIds = [.. Form.Children.Select(c => c.Id)];
        Data.AdultIds = [.. Form.Adults.Select(a => a.Id)];
        Data.Questions = [.. Form.Questions];
        Data.LawfulBasis = Form.SuggestedBasis;
        Data.ConsentObtained = Form.ConsentObtained;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string agencyKey)
    {
        Data.CaseId = id;
        Data.AgencyKey = agencyKey;
        return await OutcomeAsync(await mediator.Send(Data), sent =>
        {
            TempData.SetNotice(sent.Notice);
            return Redirect(InformationRequestRoutes.Checklist(id) + "#" + InformationRequestRoutes.ResponseAnchor(sent.RequestId));
        }, () => LoadAsync(id, agencyKey, HttpContext.RequestAborted));
    }

    // Shown again after a validation or binding error: the case and agency come from the address, which the
    // command may not have been given yet.
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(RouteCaseId, AgencyKey, cancellationToken);

    private async Task<bool> LoadAsync(Guid id, string agencyKey, CancellationToken cancellationToken)
    {
        var form = await mediator.Send(new Query(id, agencyKey), cancellationToken);
        if (form is null)
        {
            return false;
        }

        Form = form;
        return true;
    }

    public sealed record Query(Guid CaseId, string AgencyKey) : IQuery<SendForm?>;

    public sealed record OrganisationOption(Guid Id, string Name, int Responders);

    public sealed record PersonOption(Guid Id, string Name, string Hint);

    public sealed record SendForm(
        Guid CaseId,
        string Reference,
        BragRating? Rating,
        bool CanAsk,
        string AgencyName,
        string? Description,
        IReadOnlyList<OrganisationOption> Organisations,
        Guid? SuggestedOrganisationId,
        string? SuggestionReason,
        IReadOnlyList<PersonOption> Children,
        IReadOnlyList<PersonOption> Adults,
        IReadOnlyList<string> Questions,
        RequestLawfulBasis SuggestedBasis,
        bool ConsentObtained,
        string ReferrerConsent,
        DateTimeOffset DueIfSentNow);

    public sealed class SendRequest : ICommand<CommandResult<Sent>>, IIdempotentCommand
    {
        /// <summary>The form's key: the same form sent twice creates once (docs/decisions/0105).</summary>
        public Guid? IdempotencyKey { get; set; }

        public Guid CaseId { get; set; }
        public string AgencyKey { get; set; } = string.Empty;
        public Guid? OrganisationId { get; set; }
        public List<Guid> ChildIds { get; set; } = [];
        public List<Guid> AdultIds { get; set; } = [];
        public List<string> Questions { get; set; } = [];
        public string? AdditionalQuestions { get; set; }
        public RequestLawfulBasis? LawfulBasis { get; set; }
        public bool? ConsentObtained { get; set; }
    }

    /// <summary>The request sent, and what the practitioner is told about who was e-mailed.</summary>
    public sealed record Sent(Guid RequestId, string Notice);

    public sealed class Validator : AbstractValidator<SendRequest>
    {
        public Validator()
        {
            RuleFor(r => r.OrganisationId).NotNull().WithMessage("Select the organisation to ask");
            RuleFor(r => r.ChildIds).NotEmpty().WithMessage("Select at least one child");
            RuleFor(r => r.Questions).Must((r, questions) => questions.Count > 0 || !string.IsNullOrWhiteSpace(r.AdditionalQuestions))
                .WithMessage("Select at least one question or write your own");
            RuleFor(r => r.AdditionalQuestions).Answer("Your own questions", InformationRequest.AdditionalQuestionsMaxLength);
            RuleFor(r => r.LawfulBasis).NotNull().WithMessage("Select the lawful basis for asking").IsInEnum()
                .WithMessage("Select the lawful basis for asking");
            RuleFor(r => r.ConsentObtained).NotNull().WithMessage("Say whether the parents or carers agreed to agencies being asked");
            RuleFor(r => r.LawfulBasis).Must((r, basis) => basis != RequestLawfulBasis.Consent || r.ConsentObtained != false)
                .WithMessage("Consent cannot be the lawful basis when it was not obtained");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, RequestDueTimes dueTimes, TimeProvider clock) : IRequestHandler<Query, SendForm?>
    {
        public async Task<SendForm?> Handle(Query request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId, cancellationToken);
            var agency = await db.PartnerAgencies.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Key == request.AgencyKey && a.IsActive, cancellationToken);
            if (mashCase is null || agency is null)
            {
                return null;
            }

            var referral = await db.Referrals.AsNoTracking().Include(r => r.Children).Include(r => r.Adults).AsSplitQuery()
                .SingleAsync(r => r.Id == mashCase.ReferralId, cancellationToken);
            var organisations = (await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
                .ToListAsync(cancellationToken))
                .Where(o => agency.Accepts(o.Kind))
                .ToList();
            var options = new List<OrganisationOption>();
            foreach (var organisation in organisations)
            {
                options.Add(new OrganisationOption(organisation.Id, organisation.Name,
                    (await AgencyResponders.EmailsAsync(db, organisation.Id, cancellationToken)).Count));
            }

            var (suggested, why) = Suggest(agency, referral, mashCase, options);
            var consent = referral.Consent;
            var consentObtained = consent.Decision == ConsentDecision.Obtained;
            return new SendForm(
                mashCase.Id, mashCase.Reference, mashCase.Rating, CaseChecks.IsGatheringInformation(mashCase.Status),
                agency.Name, agency.Description, options, suggested, why,
                [.. referral.Children.OrderBy(c => c.Order)
                    .Select(c =>
                    new PersonOption(c.Id, c.DisplayName,
                    RequestDisplay.Born(new SubjectView(SubjectKind.Child, c.DisplayName, c.IsUnborn ? null : c.DateOfBirth,
                    c.IsUnborn ? c.ExpectedDate : null, null, null))))],
                [.. referral.Adults.OrderBy(a => a.Order)
                    .Select(a =>
                    new PersonOption(a.Id, a.DisplayName.Length > 0 ? a.DisplayName : "Adult (name not known)",
                    a.Relationship ?? "Relationship not given"))],
                agency.StandardQuestions,
                consentObtained ? RequestLawfulBasis.Consent : RequestLawfulBasis.SafeguardingPublicTask,
                consentObtained,
                consent.Decision is { } decision ? $"The referrer said: {decision.DisplayName()}"
                    + (consent.Reason is { } reason ? $" ({reason})" : string.Empty) : "The referral does not say.",
                dueTimes.DueAt(clock.GetUtcNow(), mashCase.Rating));
        }

        /// <summary>
        /// The organisation to suggest: for the child's school, the one the referral names (or the referrer's
        /// own school); otherwise the only organisation of the right kind, if there is just one.
        /// </summary>
        private static (Guid? Id, string? Why) Suggest(PartnerAgency agency, Referral referral, MashCase mashCase,
            List<OrganisationOption> options)
        {
            if (agency.SuggestedFromReferralSchool)
            {
                var named = referral.Children.Select(c => c.SchoolOrSetting?.Trim()).Where(s => !string.IsNullOrEmpty(s)).ToList();
                var match = options.FirstOrDefault(o => named.Contains(o.Name, StringComparer.OrdinalIgnoreCase));
                if (match is not null)
                {
                    return (match.Id, $"The referral names {match.Name} as the child's school or setting.");
                }

                if (options.FirstOrDefault(o => o.Id == mashCase.ReferringOrganisationId) is { } referrer)
                {
                    return (referrer.Id, $"{referrer.Name} made the referral.");
                }
            }

            return options.Count == 1 ? (options[0].Id, null) : (null, null);
        }
    }

    public sealed class Handler(
        PortalDbContext db, ICurrentUser user, IAuditTrail audit, IEmailOutbox outbox, RequestDueTimes dueTimes, TimeProvider clock)
        : IRequestHandler<SendRequest, CommandResult<Sent>>
    {
        public async Task<CommandResult<Sent>> Handle(SendRequest request, CancellationToken cancellationToken)
        {
            var mashCase = await db.MashCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CaseId, cancellationToken);
            var agency = await db.PartnerAgencies.AsNoTracking().SingleOrDefaultAsync(a => a.Key == request.AgencyKey, cancellationToken);
            if (mashCase is null || agency is null)
            {
                return CommandResult.NotFound;
            }

            var organisation = await db.Organisations.AsNoTracking()
                .SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken);
            if (organisation is null)
            {
                return new CommandResult.Refused("Select the organisation to ask");
            }

            var referral = await db.Referrals.AsNoTracking().Include(r => r.Children).Include(r => r.Adults).AsSplitQuery()
                .SingleAsync(r => r.Id == mashCase.ReferralId, cancellationToken);
            InformationRequest sent;
            try
            {
                var details = new NewRequest(agency, organisation, request.ChildIds, request.AdultIds, request.Questions,
                    request.AdditionalQuestions,
                    request.LawfulBasis!.Value, request.ConsentObtained!.Value);
                sent = InformationRequest.Send(mashCase, referral, details, user.Id, clock.GetUtcNow(), dueTimes);
            }
            catch (Exception refused) when (refused is InformationRequestRuleException or CaseRuleException)
            {
                return new CommandResult.Refused(refused.Message);
            }

            db.InformationRequests.Add(sent);
            var emailed = await AgencyResponders.NotifyAsync(db, outbox, organisation.Id, EmailTemplate.InformationRequestReceived, sent.Id,
                cancellationToken);
            audit.Record(InformationRequestEvents.Sent, CaseEvents.SubjectType, mashCase.Id.ToString(),
                $"{InformationRequestEvents.Detail($"{agency.Name} ({organisation.Name})", sent.Id)}; due " +
                    $"{MashDisplay.Long(sent.DueAt)}; {Plural.Of(emailed, "responder", "responders")} e-mailed");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(new Sent(sent.Id, emailed > 0
                ? $"Request sent to {organisation.Name}: {Plural.Of(emailed, "person there has", "people there have")} been told " +
                    $"by e-mail"
                : $"Request sent to {organisation.Name}, but no one there answers requests in the portal yet: phone them to say it is " +
                    $"waiting"));
        }
    }
}
