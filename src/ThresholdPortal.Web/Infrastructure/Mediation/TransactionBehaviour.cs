using MediatR;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// Wraps each command in one PostgreSQL transaction, so a failed step stores nothing half-done.
/// A command sent from inside another joins the outer transaction.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(PortalDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand<TResponse> || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await next();
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
