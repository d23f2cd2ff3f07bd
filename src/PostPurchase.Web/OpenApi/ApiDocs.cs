using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace PostPurchase.Web.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, and the Scalar API reference at <c>/scalar</c> in Development.</summary>
public static class ApiDocs
{
    /// <summary>The path of the OpenAPI document.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Maps the document and, in Development, the API reference.</summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }
        return app;
    }

    /// <summary>GET /openapi/v1.json where the routes are not minimal APIs (the Function App): the document the self-hosted runtime serves.</summary>
    public static async Task<IResult> DocumentAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = await context.RequestServices.GetRequiredService<ApiDescriptionApp>().DocumentJsonAsync(context.RequestAborted).ConfigureAwait(false);
        return Results.Text(json, "application/json; charset=utf-8");
    }

    /// <summary>GET /scalar/{*path} where the routes are not minimal APIs: the API reference page and its scripts, from the same endpoints the self-hosted runtime maps.</summary>
    public static async Task<IResult> ReferenceAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.RequestServices.GetRequiredService<ApiDescriptionApp>().Match(context);
        if (endpoint?.RequestDelegate is not { } run)
        {
            return Results.NotFound();
        }
        context.SetEndpoint(endpoint);
        await run(context).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>Names the document the same in both runtimes (the default title is the host's assembly name).</summary>
    internal static Task NameAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "PostPurchase API";
        return Task.CompletedTask;
    }
}
