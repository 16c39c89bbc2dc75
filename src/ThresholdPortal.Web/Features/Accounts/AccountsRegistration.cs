using Microsoft.Extensions.Options;
using ThresholdPortal.Domain.Accounts;

namespace ThresholdPortal.Web.Features.Accounts;

public static class AccountsRegistration
{
    /// <summary>Binds and checks the account settings at start-up, and registers sign-in's shared services.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountsOptions>().Bind(configuration.GetSection(AccountsOptions.Section))
            .Validate(o => o.RolesRequiringTwoFactor.All(PortalRole.All.Contains),
                "Accounts:TwoFactorRoles names a role that does not exist")
            .Validate(o => o.FailedSignInsBeforeLockout > 0 && o.SignInLockout > TimeSpan.Zero,
                "Accounts:FailedSignInsBeforeLockout and Accounts:SignInLockout must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccountsOptions>>().Value);
        services.AddSingleton<SignInLockout>();
        services.AddScoped<PasswordWork>();
        services.AddScoped<AuthenticatorKeyOffer>();
        services.AddScoped<SingleSignOnAudit>();
        return services;
    }
}
