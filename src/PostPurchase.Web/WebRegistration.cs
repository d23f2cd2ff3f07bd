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
        builder.Services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDefaults.Explain);
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(ApiKeySecurity.AddSchemeAsync);
            o.AddOperationTransformer(ApiKeySecurity.RequireOnMarkedAsync);
        });
        builder.AddPostPurchasePages();
        builder.AddPostPurchaseStudio();
        return builder;
    }
}
