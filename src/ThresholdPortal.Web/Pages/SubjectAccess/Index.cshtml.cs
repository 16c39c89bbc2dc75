using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Web.Features.SubjectAccess;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.SubjectAccess;

/// <summary>
/// Subject access, first steps (docs/decisions/0123): the officer searches by name, date of birth or NHS number, then ticks
/// the records that are the person. The search is a POST, so what was searched for never reaches an address or a proxy's
/// log; the results carry it back in hidden fields, and the choice goes to the record page as record keys in TempData.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public const int NhsNumberMaxLength = 20;

    [BindProperty]
    public Search Data { get; set; } = new();

    /// <summary>The keys of the records ticked as the person.</summary>
    [BindProperty]
    public List<string> Chosen { get; set; } = [];

    /// <summary>The records that may be the person: null until a search has run.</summary>
    public IReadOnlyList<SubjectCandidate>? Candidates { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Candidates = await mediator.Send(Data);
        return Page();
    }

    /// <summary>The records ticked: on to the record page, or the results again (searched again, and so audited) if none.</summary>
    public async Task<IActionResult> OnPostChooseAsync()
    {
        if (SubjectChoice.ParseAll(Chosen) is { } choices)
        {
            TempData[SubjectAccessRoutes.ChosenKey] = string.Join(',', choices.Select(c => c.Key));
            return Redirect(SubjectAccessRoutes.Record);
        }

        ModelState.AddModelError(nameof(Chosen), Chosen.Count > SubjectRecord.MaxChoices
            ? $"Select {SubjectRecord.MaxChoices} records or fewer"
            : "Select the records that are the person");
        Candidates = await mediator.Send(Data);
        return Page();
    }

    public sealed class Search : IQuery<IReadOnlyList<SubjectCandidate>>
    {
        public string? Name { get; set; }
        public DateParts DateOfBirth { get; set; } = new();
        public string? NhsNumber { get; set; }

        public SubjectSearch.Query ToQuery() => new(Name?.Trim(), DateOfBirth.ToDate(), NhsNumber?.Trim());
    }

    public sealed class Validator : AbstractValidator<Search>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(s => s.Name).MaximumLength(SubjectSearch.NameMaxLength)
                .WithMessage($"Name must be {SubjectSearch.NameMaxLength} characters or fewer");
            RuleFor(s => s.DateOfBirth).Custom((date, context) =>
            {
                if (date.IsEmpty)
                {
                    return;
                }

                if (date.ToDate() is not { } born)
                {
                    context.AddFailure(nameof(Search.DateOfBirth), "Date of birth must be a real date, for example 3 5 2017");
                }
                else if (born > UkTime.Today(clock))
                {
                    context.AddFailure(nameof(Search.DateOfBirth), "Date of birth must be today or in the past");
                }
            });
            RuleFor(s => s.NhsNumber).Cascade(CascadeMode.Stop)
                .MaximumLength(NhsNumberMaxLength).WithMessage($"NHS number must be {NhsNumberMaxLength} characters or fewer")
                .Must(nhs => string.IsNullOrWhiteSpace(nhs) || new SubjectSearch.Query(null, null, nhs.Trim()).NhsKey is { } key
                    && key.Length == 10 && key.All(char.IsAsciiDigit))
                .WithMessage("NHS number must be 10 digits, like 485 777 3456");
            RuleFor(s => s).Must(s => s.ToQuery().NameKey is not null || !s.DateOfBirth.IsEmpty || !string.IsNullOrWhiteSpace(s.NhsNumber))
                .OverridePropertyName(nameof(Search.Name)).WithMessage("Enter a name, a date of birth or an NHS number");
        }
    }

    /// <summary>The search itself is the feature's, audited there by counts only.</summary>
    public sealed class Handler(PortalDbContext db, IAuditTrail audit) : IRequestHandler<Search, IReadOnlyList<SubjectCandidate>>
    {
        public Task<IReadOnlyList<SubjectCandidate>> Handle(Search request, CancellationToken cancellationToken) =>
            new SubjectSearch.Handler(db, audit).Handle(request.ToQuery(), cancellationToken);
    }
}
