namespace ThresholdPortal.Web.Features.EarlyHelp;

public static class EarlyHelpRegistration
{
    /// <summary>The hub's intake, scoped like the MASH settings it reads its timescale from.</summary>
    public static IServiceCollection AddEarlyHelp(this IServiceCollection services)
    {
        services.AddScoped<EarlyHelpIntake>();
        return services;
    }
}
