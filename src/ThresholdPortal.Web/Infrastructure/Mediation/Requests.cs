using MediatR;

namespace ThresholdPortal.Web.Infrastructure.Mediation;

/// <summary>A use case that changes state. Commands run inside one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A use case that only reads. Queries never open a transaction.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
