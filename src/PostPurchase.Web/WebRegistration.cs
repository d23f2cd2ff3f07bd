using Microsoft.Extensions.DependencyInjection.Extensions;
using PostPurchase.Core.Serialization;
using PostPurchase.Web.Errors;
using PostPurchase.Web.OpenApi;
using PostPurchase.Web.Security;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Studio;

namespace PostPurchase.Web;

/// <summary>Registers what the shared HTTP surface needs in either runtime: JSON shape, problem responses, OpenAPI and the pages' services.</summary>
public static class WebRegistration
{
    /// <summary>Adds the web surface's services; call after <c>AddPostPurchaseInfrastructure</c>.</summary>
    public static IHostApplicationBuilder AddPostPurchaseWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Explain);
        builder.Services.AddPostPurchaseApiDescription();
        builder.Services.TryAddSingleton<ApiDescriptionApp>();
        builder.AddPostPurchasePages();
        builder.AddPostPurchaseStudio();
        return builder;
    }

    /// <summary>Adds the JSON shape and the OpenAPI document (with the API key scheme) of the merchant API.</summary>
    internal static IServiceCollection AddPostPurchaseApiDescription(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(ApiKeySecurity.AddSchemeAsync);
            o.AddDocumentTransformer(ApiDocs.NameAsync);
            o.AddOperationTransformer(ApiKeySecurity.RequireOnMarkedAsync);
        });
        return services;
    }
}
