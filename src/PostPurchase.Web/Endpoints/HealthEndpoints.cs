using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PostPurchase.Web.Endpoints;

/// <summary><c>GET /health</c>: 200 when storage answers, 503 otherwise; both runtimes route to <see cref="GetAsync"/>.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>GET /health</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Task<IResult> (HttpContext context) => GetAsync(context))
            .WithTags("Health")
            .WithDisplayName("Health")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Runs every registered health check; the answer names each check's status, never its error (it may hold secrets).</summary>
    public static async Task<IResult> GetAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await context.RequestServices.GetRequiredService<HealthCheckService>().CheckHealthAsync(context.RequestAborted).ConfigureAwait(false);
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()),
        };
        context.Response.Headers.CacheControl = "no-store, no-cache";
        var status = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return Results.Json(body, JsonSerializerOptions.Web, statusCode: status);
    }
}
