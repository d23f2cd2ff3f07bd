using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Functions.Shops;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Tests.Support;

namespace PostPurchase.Web.Tests.Browser;

/// <summary>The Function App's HTTP functions on a loopback server, with its orchestration on the in-process Durable Task backend.</summary>
public sealed class FunctionsPagesApp : PagesApp
{
    private FunctionsLoopbackHost? _host;

    public override string Runtime => "Function App";

    protected override IServiceProvider Services => _host!.Services;

    protected override async Task<Uri> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        _host = await FunctionsLoopbackHost.StartAsync(settings);
        return _host.BaseAddress;
    }

    protected override async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public override Task ReconcileShopsAsync() => _host!.RunTimerAsync(nameof(ShopReconciliation.ReconcileShops));

    protected override async Task<T> UseWorkflowsAsync<T>(Func<IOrderWorkflows, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DurableClientScope>().Use(_host!.Client);
        return await use(scope.ServiceProvider.GetRequiredService<IOrderWorkflows>());
    }
}

[CollectionDefinition(Name)]
public sealed class FunctionsPagesCollection : ICollectionFixture<FunctionsPagesApp>
{
    public const string Name = "Pages on the Function App";
}
