using Microsoft.AspNetCore.Server.Kestrel.Core;
using PostPurchase.Host.Telemetry;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Web.Api;
using PostPurchase.Web.Errors;

namespace PostPurchase.Host;

/// <summary>What only the self-hosted runtime adds around the shared web surface: Kestrel limits, the exception handler, telemetry.</summary>
internal static class HostServices
{
    public static IHostApplicationBuilder AddHostServices(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<PostPurchaseOptions>()
            .Validate(o => development || !string.IsNullOrWhiteSpace(o.ApiKey),
                "PostPurchase:ApiKey is required outside Development (env PostPurchase__ApiKey): it guards the merchant API.")
            .ValidateOnStart();
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = RequestBody.MaxBytes);
        builder.Services.AddExceptionHandler<HostExceptionHandler>();
        builder.Services.AddHealthChecks();
        builder.Services.AddShopReconciliationLoop();
        builder.AddTelemetry();
        return builder;
    }

    public static WebApplication UseHostPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
