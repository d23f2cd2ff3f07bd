using Azure.Data.Tables;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PostPurchase.Core.Serialization;
using PostPurchase.Host.Errors;
using PostPurchase.Host.Health;
using PostPurchase.Host.Security;
using PostPurchase.Host.Telemetry;
using PostPurchase.Infrastructure.Api;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Host;

/// <summary>Everything the self-hosted HTTP surface needs besides the runtime itself.</summary>
internal static class HostServices
{
    public static IHostApplicationBuilder AddHostServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PostPurchaseOptions>().BindConfiguration(PostPurchaseOptions.Section);
        builder.Services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = RequestBody.MaxBytes);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<HostExceptionHandler>();

        builder.Services.TryAddSingleton(_ => new TableServiceClient(StorageConnection.Resolve(builder.Configuration, builder.Environment)));
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");

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
