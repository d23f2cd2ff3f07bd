using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.Endpoints;

namespace PostPurchase.Functions.Http;

/// <summary>GET /health: the shared <see cref="HealthEndpoints.GetAsync"/> (storage reachable); 200 when healthy, 503 otherwise.</summary>
public sealed class HealthFunction
{
    /// <summary>Runs every registered health check.</summary>
    [Function(nameof(Health))]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, HealthEndpoints.GetAsync);
}
