using System.Collections.Concurrent;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using ThresholdPortal.Web.Infrastructure.Identity;

namespace ThresholdPortal.DemoData;

/// <summary>
/// Sends a real command through the real mediator as a given user, at a given moment: what the demo data and
/// the tests use to reach a state exactly as the live app writes it. The user is the principal the sign-in
/// builds (<see cref="PortalUserClaimsPrincipalFactory"/>), set on the request context the app's
/// <c>ICurrentUser</c> reads; the moment needs an <see cref="IHoldableClock"/> as the provider's
/// <see cref="TimeProvider"/>. No back door in the product: only what a signed-in request has.
/// </summary>
public sealed class PortalActor(IServiceProvider services)
{
    // Built once per user: the sign-in's principal reads the user's roles and claims, which no seeding step changes.
    private readonly ConcurrentDictionary<Guid, ClaimsPrincipal> principals = new();

    public IServiceProvider Services => services;

    public async Task<T> SendAsync<T>(PortalUser user, IRequest<T> request, DateTimeOffset? at = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var held = Hold(at);
        await using var scope = services.CreateAsyncScope();
        if (!principals.TryGetValue(user.Id, out var principal))
        {
            principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
            principals[user.Id] = principal;
        }

        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    private IDisposable? Hold(DateTimeOffset? at) => at switch
    {
        null => null,
        { } moment when services.GetRequiredService<TimeProvider>() is IHoldableClock clock => clock.HoldAt(moment),
        _ => throw new InvalidOperationException("Acting at a given moment needs an IHoldableClock as the app's TimeProvider."),
    };
}
