using Microsoft.Extensions.Options;
using ThresholdPortal.Web.Infrastructure.BackgroundJobs;

namespace ThresholdPortal.Web.Features.InformationRequests;

public static class InformationRequestRegistration
{
    /// <summary>
    /// Binds and checks the options (their timescales are the first stored settings version; the due-time
    /// rule itself is registered by the triage feature from the newest version) and registers the background
    /// chaser of overdue requests.
    /// </summary>
    public static IServiceCollection AddInformationRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InformationRequestOptions>().Bind(configuration.GetSection(InformationRequestOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InformationRequestOptions>, InformationRequestOptionsValidator>();
        services.AddSingleton<OverdueRequestChaser>();
        services.AddHostedService(sp => sp.GetRequiredService<OverdueRequestChaser>());
        return services;
    }
}
