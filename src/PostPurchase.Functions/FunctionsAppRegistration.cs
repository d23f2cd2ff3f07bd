using Microsoft.Extensions.Hosting;
using PostPurchase.Infrastructure;
using PostPurchase.Web;

namespace PostPurchase.Functions;

/// <summary>The Function App's service composition, which <c>Program</c> and the tests that serve its functions share.</summary>
public static class FunctionsAppRegistration
{
    /// <summary>Adds the shared services, the web surface's services (pages, anti-forgery, key ring, OpenAPI) and the Durable workflow port.</summary>
    public static IHostApplicationBuilder AddPostPurchaseFunctionsApp(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPostPurchaseInfrastructure();
        builder.AddPostPurchaseWeb();
        builder.AddDurableTimelines();
        return builder;
    }
}
