using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Shops;
using PostPurchase.Host;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Browser;

/// <summary>The self-hosted runtime (what Program runs) on Kestrel at a free loopback port.</summary>
public sealed class HostPagesApp : PagesApp
{
    private WebApplication? _app;

    public override string Runtime => "Host";

    protected override IServiceProvider Services => _app!.Services;

    protected override async Task<Uri> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        _app = HostApplication.Build(["--environment=Testing", "--urls=http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await Task.Run(() => _app.StartAsync());
        // The start-up reconciliation first, so what a test puts in the shop stubs later is the test's to find.
        var store = _app.Services.GetRequiredService<ShopStore>();
        await store.EnsureCreatedAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () => (await Task.WhenAll(ShopPlatforms.All.Select(p => store.LastReconcileAsync(p, CancellationToken.None)))).All(r => r is not null));
        return new Uri(_app.Urls.First());
    }

    protected override async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public override async Task ReconcileShopsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ShopReconciler>().RunAsync(CancellationToken.None);
    }

    protected override async Task<T> UseWorkflowsAsync<T>(Func<IOrderWorkflows, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IOrderWorkflows>());
    }
}

[CollectionDefinition(Name)]
public sealed class HostPagesCollection : ICollectionFixture<HostPagesApp>
{
    public const string Name = "Pages on the Host";
}
