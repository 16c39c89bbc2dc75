using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Email;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;
using ThresholdPortal.Web.Infrastructure.Web;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// A text message when the MASH's feedback on your referral is ready, as well as the e-mail (issue 20; docs/decisions/0111):
/// your own UK mobile number, or none. Offered only when the portal sends through GOV.UK Notify, which is what sends texts.
/// </summary>
public sealed class TextMessagesModel(IMediator mediator, IOptions<EmailOptions> email) : CommandPageModel
{
    [BindProperty]
    public Command Data { get; set; } = new();

    public bool Offered => email.Value.Mode == EmailDeliveryMode.Notify;

    public string? Current { get; private set; }

    public async Task OnGetAsync()
    {
        Current = await mediator.Send(new Query());
        Data.MobileNumber = Current is null ? null : TextNumber.Display(Current);
    }

    public async Task<IActionResult> OnPostAsync() => OutcomeOf(await mediator.Send(Data), () =>
    {
        TempData.SetNotice(string.IsNullOrWhiteSpace(Data.MobileNumber) || Data.Stop
            ? "You will not get text messages." : "You will get a text message when feedback on your referral is ready.");
        return RedirectToPage("/Account/Index");
    });

    public sealed record Query : IQuery<string?>;

    public sealed class Command : ICommand<CommandResult>
    {
        public string? MobileNumber { get; set; }

        /// <summary>The "stop text messages" button.</summary>
        public bool Stop { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<EmailOptions> email)
        {
            RuleFor(c => c.MobileNumber).Must(_ => email.Value.Mode == EmailDeliveryMode.Notify).When(c => !c.Stop)
                .WithMessage("Text messages are not available: ask your portal administrator");
            RuleFor(c => c.MobileNumber).NotEmpty().When(c => !c.Stop).WithMessage("Enter your mobile number")
                .MaximumLength(30).WithMessage("Enter a UK mobile number, starting 07 or +44 7")
                .Must(n => TextNumber.Normalise(n) is not null).When(c => !c.Stop && !string.IsNullOrWhiteSpace(c.MobileNumber))
                .WithMessage("Enter a UK mobile number, starting 07 or +44 7");
        }
    }

    public sealed class QueryHandler(PortalDbContext db, ICurrentUser current) : IRequestHandler<Query, string?>
    {
        public Task<string?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Users.Where(u => u.Id == current.Id).Select(u => u.TextMessagesTo).SingleOrDefaultAsync(cancellationToken);
    }

    public sealed class Handler(PortalDbContext db, ICurrentUser current, IAuditTrail audit) : IRequestHandler<Command, CommandResult>
    {
        public async Task<CommandResult> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleAsync(u => u.Id == current.Id, cancellationToken);
            user.TextMessagesTo = request.Stop ? null : TextNumber.Normalise(request.MobileNumber);
            audit.Record(user.TextMessagesTo is null ? AccountEvents.TextMessagesStopped : AccountEvents.TextMessagesNumberSet,
                nameof(PortalUser), user.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved;
        }
    }
}

/// <summary>UK mobile numbers as people type them (07..., +44 7..., with spaces or dashes) and as Notify takes them (E.164).</summary>
public static class TextNumber
{
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var digits = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')'))]);
        var national = digits.StartsWith("+44", StringComparison.Ordinal) ? "0" + digits[3..]
            : digits.StartsWith("0044", StringComparison.Ordinal) ? "0" + digits[4..]
            : digits;
        return national.Length == 11 && national.StartsWith("07", StringComparison.Ordinal) && national.All(char.IsAsciiDigit)
            ? "+44" + national[1..]
            : null;
    }

    /// <summary>A stored E.164 UK mobile number as people read it: 0, four digits, a space, six digits.</summary>
    public static string Display(string stored) =>
        stored.StartsWith("+44", StringComparison.Ordinal) && stored.Length == 13 ? $"0{stored[3..7]} {stored[7..]}" : stored;
}
