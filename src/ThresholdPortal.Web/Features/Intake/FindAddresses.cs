using MediatR;
using ThresholdPortal.Web.Infrastructure.Addresses;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.Intake;

/// <summary>The addresses at a postcode, from the configured address lookup (docs/decisions/0127); empty when none is.</summary>
public static class FindAddresses
{
    public sealed record Query(string Postcode) : IQuery<AddressLookupResult>;

    public sealed class Handler(IAddressLookup lookup) : IRequestHandler<Query, AddressLookupResult>
    {
        public Task<AddressLookupResult> Handle(Query request, CancellationToken cancellationToken) =>
            lookup.IsEnabled ? lookup.FindAsync(request.Postcode, cancellationToken)
                : Task.FromResult(new AddressLookupResult([], Unavailable: true));
    }
}
