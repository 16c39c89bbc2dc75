using NetArchTest.Rules;

namespace ThresholdPortal.UnitTests;

public sealed class ArchitectureTests
{
    [Fact]
    public void The_domain_knows_nothing_of_aspnet_or_ef()
    {
        var result = Types.InAssembly(typeof(Domain.Organisations.Organisation).Assembly)
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "MediatR")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Page_models_do_not_touch_the_database_directly()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().Inherit(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel))
            .ShouldNot().HaveDependencyOn("ThresholdPortal.Web.Infrastructure.Data.PortalDbContext")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }
}
