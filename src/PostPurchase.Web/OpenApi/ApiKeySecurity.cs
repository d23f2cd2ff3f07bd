using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Security;

/// <summary>Endpoint metadata that marks routes behind the API key, so the OpenAPI document shows the key on exactly those.</summary>
internal sealed class ApiKeySecurity
{
    private const string SchemeName = "ApiKey";

    public static ApiKeySecurity Requirement { get; } = new();

    /// <summary>Declares the key's header in the document's components.</summary>
    public static Task AddSchemeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyCheck.HeaderName,
            Description = $"The merchant API key (PostPurchase:ApiKey); '?{ApiKeyCheck.QueryName}=' works too.",
        };
        return Task.CompletedTask;
    }

    /// <summary>Requires the key on operations that carry this metadata.</summary>
    public static Task RequireOnMarkedAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiKeySecurity>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        }
        return Task.CompletedTask;
    }
}
