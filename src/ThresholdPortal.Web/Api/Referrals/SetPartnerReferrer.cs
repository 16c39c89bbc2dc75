using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Domain.Referrals;
using ThresholdPortal.Web.Features.Intake;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Api.Referrals;

/// <summary>
/// The professional behind a partner referral. A person's referral takes their name and e-mail from their account
/// ("your details"); a system's account is not a person, so the partner names who referred. The phone number goes
/// through the page's own command and rules first.
/// </summary>
public sealed class SetPartnerReferrer : ICommand<CommandResult>
{
    public Guid DraftId { get; set; }
    public PartnerReferrer Referrer { get; init; } = new(null, null, null, null);
}

public sealed class SetPartnerReferrerValidator : AbstractValidator<SetPartnerReferrer>
{
    public SetPartnerReferrerValidator()
    {
        RuleFor(c => c.Referrer.Name).RequiredAnswer("Enter the name of the professional making the referral", "Name",
            ReferrerContact.NameMaxLength).OverridePropertyName("Name");
        RuleFor(c => c.Referrer.JobTitle).Answer("Job title", ReferrerContact.JobTitleMaxLength).OverridePropertyName("JobTitle");
        RuleFor(c => c.Referrer.Email).Cascade(CascadeMode.Stop)
            .RequiredAnswer("Enter the e-mail address the MASH can write to", "E-mail address", ReferrerContact.EmailMaxLength)
            .EmailAddress().WithMessage("Enter an e-mail address in the correct format, like name@example.org")
            .OverridePropertyName("Email");
    }
}

/// <summary>Runs after "your details" has saved the phone number (and the account's name, which this replaces).</summary>
public sealed class SetPartnerReferrerHandler(PortalDbContext db, ICurrentUser user) : IRequestHandler<SetPartnerReferrer, CommandResult>
{
    public async Task<CommandResult> Handle(SetPartnerReferrer request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.OwnDraft(request.DraftId, user).SingleAsync(cancellationToken);
        referral.Referrer.Name = ReferralValidation.Clean(request.Referrer.Name);
        referral.Referrer.JobTitle = ReferralValidation.Clean(request.Referrer.JobTitle);
        referral.Referrer.Email = ReferralValidation.Clean(request.Referrer.Email);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved;
    }
}
