using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.OpenApi;

namespace PostPurchase.Web.OpenApi;

/// <summary>
/// The shared routes mapped as minimal APIs in a web application that is built but never started: where the routes
/// are HTTP functions, this gives the very OpenAPI document and API reference the self-hosted runtime serves.
/// </summary>
internal sealed class ApiDescriptionApp(IHostEnvironment environment) : IAsyncDisposable
{
    private readonly Lazy<WebApplication> _app = new(() => Build(environment.EnvironmentName));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _json;

    /// <summary>The OpenAPI 3.1 document, made once.</summary>
    public async Task<string> DocumentJsonAsync(CancellationToken cancellationToken)
    {
        if (_json is { } cached)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_json is null)
            {
                var provider = _app.Value.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1");
                var document = await provider.GetOpenApiDocumentAsync(cancellationToken).ConfigureAwait(false);
                _json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken).ConfigureAwait(false);
            }
            return _json;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The endpoint of this application that answers the request's method and path (literal routes first), with its route values set.</summary>
    public RouteEndpoint? Match(HttpContext context)
    {
        var method = context.Request.Method;
        var endpoints = _app.Value.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) ?? true)
            .OrderBy(e => e.RoutePattern.Parameters.Count);
        foreach (var endpoint in endpoints)
        {
            var values = new RouteValueDictionary();
            var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), endpoint.RoutePattern.Defaults is { } d ? new RouteValueDictionary(d) : []);
            if (matcher.TryMatch(context.Request.Path, values))
            {
                foreach (var (key, value) in values)
                {
                    context.Request.RouteValues[key] = value;
                }
                return endpoint;
            }
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app.IsValueCreated)
        {
            await _app.Value.DisposeAsync().ConfigureAwait(false);
        }
        _gate.Dispose();
    }

    private static WebApplication Build(string environmentName)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environmentName });
        builder.Services.AddPostPurchaseApiDescription();
        // A started application hands its routes to the endpoint data source when it builds its pipeline; this one
        // never starts, so the API explorer reads the mapped routes straight from the application.
        var routes = new List<EndpointDataSource>();
        builder.Services.AddSingleton<EndpointDataSource>(_ => new CompositeEndpointDataSource(routes));
        var app = builder.Build();
        app.MapPostPurchaseWeb();
        routes.AddRange(((IEndpointRouteBuilder)app).DataSources);
        return app;
    }
}
