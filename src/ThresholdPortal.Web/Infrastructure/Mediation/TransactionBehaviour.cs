using MediatR;
using ThresholdPortal.Web.Infrastructure.Data;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>
/// Wraps each command in one PostgreSQL transaction, so a failed step stores nothing half-done.
/// A command sent from inside another joins the outer transaction. Its saves take no savepoint of EF's: a failed save
/// fails the command, whose transaction then rolls back whole, so a savepoint would only cost each save a round trip and
/// a subtransaction. A handler that answers a failed save inside the transaction saves with
/// <see cref="LostRace.SaveAsync"/>, which takes one (docs/decisions/0147).
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
        db.Database.AutoSavepointsEnabled = false;
        var response = await next();
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
