using PostPurchase.Host.Endpoints;
using PostPurchase.Infrastructure;
using PostPurchase.Web;

namespace PostPurchase.Host;

/// <summary>Builds the PostPurchase host: the app <c>Program</c> runs, and the one the tests start on a free loopback port.</summary>
public static class HostApplication
{
    /// <param name="args">Command-line arguments; <c>--Section:Key=value</c> settings override every other configuration source.</param>
    /// <param name="overrideServices">Runs after every registration, to replace a service (the tests' clock, storage prefix, senders).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPostPurchaseInfrastructure();
        builder.AddPostPurchaseWeb();
        builder.AddHostServices();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseHostPipeline();
        app.MapPostPurchaseWeb();
        app.MapDevEndpoints();
        return app;
    }
}
