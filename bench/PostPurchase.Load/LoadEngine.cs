using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Load;

/// <summary>The embedded engine the in-process runs drive: real storage, the real composer with signed links, counting senders.</summary>
internal static class LoadEngine
{
    /// <summary>Renders with the real composer and signed links on the given clock.</summary>
    public static Func<TimelineMessage, TimelineState, RenderedMessage> Render(TimeProvider clock)
    {
        var composer = new MessageComposer(new Branding { ShopName = "Load shop" });
        var links = new CustomerLinks("load-signing-key-load-signing-key-0123456789", "https://shop.example", clock);
        return (m, s) => composer.Compose(m, s, links.For(s.Order.OrderId));
    }

    /// <summary>The engine's services (and its <see cref="EngineService"/>) on <paramref name="connectionString"/>, counting storage requests.</summary>
    public static ServiceCollection Services(string connectionString, TimeProvider clock, EngineOptions options, IEnumerable<CountingSender> senders)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddSingleton(clock);
        services.AddSingleton<StorageRequestCounter>();
        services.AddSingleton(sp => new StorageAccount(connectionString, sp.GetRequiredService<StorageRequestCounter>()));
        services.AddSingleton(options);
        foreach (var sender in senders)
        {
            services.AddSingleton<IChannelSender>(sender);
        }

        services.AddEmbeddedEngine();
        services.AddSingleton<EngineService>();
        return services;
    }
}
