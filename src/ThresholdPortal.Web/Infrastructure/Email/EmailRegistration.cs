using Microsoft.Extensions.Options;

namespace ThresholdPortal.Web.Infrastructure.Email;

public static class EmailRegistration
{
    /// <summary>The outbox for handlers and the dispatcher that empties it; settings are checked at start-up.</summary>
    public static IServiceCollection AddPortalEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
