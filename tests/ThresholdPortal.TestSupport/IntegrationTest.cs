namespace ThresholdPortal.TestSupport;

/// <summary>Base class: one app per test class, one fresh database per test.</summary>
public abstract class IntegrationTest(PortalApp app) : IClassFixture<PortalApp>, IAsyncLifetime
{
    protected PortalApp App { get; } = app;

    public Task InitializeAsync() => App.UseFreshDatabaseAsync();

    public Task DisposeAsync() => App.DropDatabaseAsync();
}
