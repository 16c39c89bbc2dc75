using Microsoft.Extensions.Options;

namespace ThresholdPortal.Web.Features.Decisions;

public static class DecisionRegistration
{
    public static IServiceCollection AddDecisions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DecisionOptions>().Bind(configuration.GetSection(DecisionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DecisionOptions>, DecisionOptionsValidator>();
        return services;
    }
}
