using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PostPurchase.Web.Api;

namespace PostPurchase.Functions.Http;

/// <summary>GET /health: the same health checks as the self-hosted runtime (storage reachable); 200 when healthy, 503 with the reason otherwise.</summary>
public sealed class HealthFunction(HealthCheckService health)
{
    /// <summary>Runs every registered health check.</summary>
    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var report = await health.CheckHealthAsync(context.CancellationToken);
        if (report.Status == HealthStatus.Healthy)
        {
            return HttpResultAction.From(TypedResults.Ok(new { status = "healthy" }));
        }
        var problems = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message ?? e.Value.Status.ToString()}");
        return HttpResultAction.From(ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Unhealthy", string.Join("; ", problems)));
    }
}
