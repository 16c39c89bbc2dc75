using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.Web.Features.Accounts;
using ThresholdPortal.Web.Infrastructure.Identity;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Account;

/// <summary>
/// Staff single sign-on (docs/decisions/0122): starts a provider sign-in, and on the way back admits the person to
/// the existing, active account the provider's verified address (or an earlier link) names, or says why not.
/// </summary>
public sealed class SingleSignOnModel(IMediator mediator, SingleSignOnOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the sign-in was refused, for the page's words; null when the provider's answer failed its checks.</summary>
    public SingleSignOnRefusal? Refusal { get; private set; }

    /// <summary>The provider's answer failed the handler's checks (state, nonce, signature, lifetime), or none came.</summary>
    public void OnGet()
    {
    }

    public IActionResult OnPost(string? scheme)
    {
        if (options.ByScheme(scheme) is not { } provider)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/SingleSignOn", "Callback", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, provider.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        var result = (await mediator.Send(new Command())).Value!;
        if (result.Refusal is { } refusal)
        {
            Refusal = refusal;
            return Page();
        }

        if (result.SecondFactorOwed)
        {
            return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
        }

        return LocalRedirect(PortalHome.AfterSignIn(ReturnUrl, Url.IsLocalUrl(ReturnUrl), User));
    }

    /// <summary>Completes a provider sign-in from Identity's external cookie: signed in, owed a second factor, or refused.</summary>
    public sealed class Command : ICommand<CommandResult<Outcome>>;

    public sealed record Outcome(SingleSignOnRefusal? Refusal, bool SecondFactorOwed);

    public sealed class Handler(SignInManager<PortalUser> signInManager, SingleSignOnOptions options, SingleSignOnAudit audit)
        : IRequestHandler<Command, CommandResult<Outcome>>
    {
        public async Task<CommandResult<Outcome>> Handle(Command request, CancellationToken cancellationToken)
        {
            var http = signInManager.Context;
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            // The external cookie has served its purpose whatever happens next.
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var principal = external.Principal;
            if (principal?.FindFirstValue(SingleSignOnRegistration.SchemeClaim) is not { } scheme
                || options.ByScheme(scheme) is not { } provider || principal.FindFirstValue("sub") is not { Length: > 0 } subject)
            {
                await audit.RefusedAsync(null, "none", SingleSignOnRefusal.UnknownAccount, cancellationToken);
                return CommandResult.SavedWith(new Outcome(SingleSignOnRefusal.UnknownAccount, false));
            }

            var assertion = new ProviderAssertion(subject, principal.FindFirstValue("email"),
                string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase),
                [.. principal.FindAll("amr").Select(c => c.Value)], [.. principal.FindAll(provider.GroupsClaim).Select(c => c.Value)]);
            var users = signInManager.UserManager;
            var linked = await users.FindByLoginAsync(scheme, subject);
            var byEmail = linked is null && assertion.EmailVerified && assertion.Email is { } email
                ? await users.FindByEmailAsync(email) : null;
            var decision = SingleSignOn.Decide(assertion, provider.OrganisationId,
                linked is null ? null : await AccountAsync(linked, scheme), byEmail is null ? null : await AccountAsync(byEmail, scheme));
            if (decision is SingleSignOnDecision.Refused refused)
            {
                await audit.RefusedAsync(linked ?? byEmail, scheme, refused.Reason, cancellationToken);
                return CommandResult.SavedWith(new Outcome(refused.Reason, false));
            }

            var user = linked ?? byEmail!;
            if (((SingleSignOnDecision.Admitted)decision).LinkNow)
            {
                (await users.AddLoginAsync(user, new UserLoginInfo(scheme, subject, provider.DisplayName))).EnsureSucceeded();
                if (!user.EmailConfirmed)
                {
                    // The provider verified the address the portal invited, as accepting the invitation would have.
                    user.EmailConfirmed = true;
                    (await users.UpdateAsync(user)).EnsureSucceeded();
                }

                await audit.LinkedAsync(user, scheme, cancellationToken);
            }

            await audit.ApplyGroupRolesAsync(user, provider, assertion, cancellationToken);
            var owed = SingleSignOn.PortalSecondFactorOwed(user.TwoFactorEnabled, provider.AcceptProviderMultiFactor, assertion);
            var result = await signInManager.ExternalLoginSignInAsync(scheme, subject, isPersistent: false, bypassTwoFactor: !owed);
            return CommandResult.SavedWith(result.Succeeded ? new Outcome(null, false)
                : result.RequiresTwoFactor ? new Outcome(null, true)
                : new Outcome(SingleSignOnRefusal.Deactivated, false));
        }

        private async Task<SingleSignOnAccount> AccountAsync(PortalUser user, string scheme)
        {
            var logins = await signInManager.UserManager.GetLoginsAsync(user);
            return new SingleSignOnAccount(user.Id, user.OrganisationId, user.IsActive, user.ErasedAt is not null, user.AwaitingApproval,
                logins.FirstOrDefault(l => l.LoginProvider == scheme)?.ProviderKey);
        }
    }
}
