using Microsoft.AspNetCore.Server.Kestrel.Core;
using PostPurchase.Core.Serialization;
using PostPurchase.Host.Errors;
using PostPurchase.Host.Security;
using PostPurchase.Host.Telemetry;
using PostPurchase.Infrastructure.Api;

namespace PostPurchase.Host;

/// <summary>Everything the self-hosted HTTP surface needs besides the runtime (AddPostPurchaseInfrastructure registers that and the storage health check).</summary>
internal static class HostServices
{
    public static IHostApplicationBuilder AddHostServices(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = RequestBody.MaxBytes);

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Explain);
        builder.Services.AddExceptionHandler<HostExceptionHandler>();

        builder.Services.AddHealthChecks();

        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(ApiKeySecurity.AddSchemeAsync);
            o.AddOperationTransformer(ApiKeySecurity.RequireOnMarkedAsync);
        });
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
