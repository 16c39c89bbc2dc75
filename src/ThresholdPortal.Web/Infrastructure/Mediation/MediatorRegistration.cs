using System.Reflection;
using MediatR;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// MediatR 5.1.0 has no DI package here (docs/decisions/0001), so handlers and behaviours are registered
/// by hand. Behaviours run in registration order, outermost first: telemetry (a span per use case), logging, transaction,
/// idempotency (which must see the key before validation can refuse a repeat that the first send made invalid), validation.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddPortalMediator(this IServiceCollection services, Assembly handlerAssembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var handlerInterface = typeof(IRequestHandler<,>);
        foreach (var type in handlerAssembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == handlerInterface))
            {
                services.AddScoped(contract, type);
            }
        }

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TelemetryBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        return services;
    }
}
