using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Pages.Admin.Configuration.Glossary;

/// <summary>The glossary the referral quality checks read acronyms and jargon with.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Row> Terms { get; private set; } = [];

    public async Task OnGetAsync() => Terms = await mediator.Send(new Query());

    public sealed record Row(Guid Id, string Term, string Meaning, bool WidelyUnderstood);

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.GlossaryTerms.AsNoTracking().OrderBy(g => g.Term)
                .Select(g => new Row(g.Id, g.Term, g.Meaning, g.WidelyUnderstood)).ToListAsync(cancellationToken);
    }
}
