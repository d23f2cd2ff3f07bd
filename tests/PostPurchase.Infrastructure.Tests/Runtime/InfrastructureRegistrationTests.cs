using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Tests.Runtime;

public sealed class InfrastructureRegistrationTests
{
    [Fact]
    public void AddPostPurchaseInfrastructure_SimulatedClockInProduction_RefusedWithClearError()
    {
        var builder = Builder("Production", ("PostPurchase:Clock", "Simulated"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddPostPurchaseInfrastructure());

        Assert.Contains("refused in Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPostPurchaseInfrastructure_SimulatedClockInDevelopment_TimeProviderIsTheSimulatedClock()
    {
        var builder = Builder("Development", ("PostPurchase:Clock", "Simulated"), ("PostPurchase:Storage", "UseDevelopmentStorage=true"));

        builder.AddPostPurchaseInfrastructure();
        using var services = builder.Services.BuildServiceProvider();

        Assert.Same(services.GetRequiredService<SimulatedClock>(), services.GetRequiredService<TimeProvider>());
        Assert.NotNull(services.GetRequiredService<IOrderWorkflows>());
        Assert.NotNull(services.GetRequiredService<IWorkflowRuntime>());
        Assert.NotNull(services.GetRequiredService<ITrackingIngress>());
        Assert.NotNull(services.GetRequiredService<IOrderDirectory>());
        Assert.NotNull(services.GetRequiredService<IOrderReadModelStore>());
        Assert.NotNull(services.GetRequiredService<IOrderDataEraser>());
    }

    [Fact]
    public void AddPostPurchaseInfrastructure_ListSettings_BoundOnceAsWritten()
    {
        var builder = Builder("Development", ("PostPurchase:Storage", "UseDevelopmentStorage=true"),
            ("PostPurchase:Shops:Categories:0:Category", "skincare"), ("PostPurchase:Shops:Categories:0:Vendor", "Glow Labs"),
            ("PostPurchase:Shops:Categories:1:Category", "apparel"), ("PostPurchase:Shops:Categories:1:Tag", "tees"));

        builder.AddPostPurchaseInfrastructure();
        using var services = builder.Services.BuildServiceProvider();

        var rules = services.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.Shops.Categories;
        Assert.Equal(["skincare", "apparel"], rules.Select(r => r.Category));
    }

    [Fact]
    public void AddPostPurchaseInfrastructure_UnknownClock_RefusedNamingIt()
    {
        var builder = Builder("Development", ("PostPurchase:Clock", "Sundial"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddPostPurchaseInfrastructure());

        Assert.Contains("Sundial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPostPurchaseInfrastructure_NoStorageConfigured_ResolvingStorageNamesTheSetting()
    {
        var builder = Builder("Development");
        builder.AddPostPurchaseInfrastructure();
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<StorageAccount>());

        Assert.Contains("PostPurchase:Storage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPostPurchaseInfrastructure_NoSigningKeyInProduction_ResolvingLinksNamesTheSetting()
    {
        var builder = Builder("Production", ("PostPurchase:Storage", "UseDevelopmentStorage=true"));
        builder.AddPostPurchaseInfrastructure();
        using var services = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<PostPurchase.Infrastructure.Links.CustomerLinks>());

        Assert.Contains("PostPurchase:SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPostPurchaseInfrastructure_HostIdentitySettingsOnly_EveryEngineClientUsesTheIdentity()
    {
        var builder = Builder("Production",
            ("AzureWebJobsStorage:accountName", "stpostpurchase01"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "client-1"));
        builder.AddPostPurchaseInfrastructure();
        using var services = builder.Services.BuildServiceProvider();

        var storage = services.GetRequiredService<StorageAccount>();

        Assert.Same(services.GetRequiredService<StorageClientFactory>().Connection, services.GetRequiredService<StorageConnection>());
        Assert.Equal(StorageCredentialKind.ManagedIdentity, services.GetRequiredService<StorageConnection>().CredentialKind);
        Assert.Equal("stpostpurchase01.table.core.windows.net", storage.Orders.Uri.Host);
        Assert.Equal("stpostpurchase01.queue.core.windows.net", storage.Inbox.Uri.Host);
    }

    private static HostApplicationBuilder Builder(string environment, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }
}
