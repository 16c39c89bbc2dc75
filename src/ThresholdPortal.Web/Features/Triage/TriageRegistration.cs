using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Features.Triage;

public static class TriageRegistration
{
    /// <summary>
    /// Binds and checks the triage options at start-up (their calendar and timescales are the first stored
    /// settings version), and registers the working calendar and decision clock of the newest stored
    /// version, per scope (docs/decisions/0055). Background services resolve them from their own scope.
    /// </summary>
    public static IServiceCollection AddTriage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TriageOptions>().Bind(configuration.GetSection(TriageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TriageOptions>, TriageOptionsValidator>();
        services.AddSingleton<MashSettingsCache>();
        services.AddScoped(sp => sp.GetRequiredService<MashSettingsCache>().Current(sp.GetRequiredService<PortalDbContext>()));
        services.AddScoped(sp => sp.GetRequiredService<MashSettings>().Calendar);
        services.AddScoped(sp => sp.GetRequiredService<MashSettings>().DecisionClock);
        services.AddScoped(sp => sp.GetRequiredService<MashSettings>().RequestDueTimes);
        services.AddScoped<MashIntake>();
        return services;
    }
}
