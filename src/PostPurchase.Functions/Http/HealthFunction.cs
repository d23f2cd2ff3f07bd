using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PostPurchase.Infrastructure.Api;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Http;

/// <summary>GET /health: 200 when the order storage answers, 503 with the reason otherwise.</summary>
public sealed class HealthFunction(IOrderReadModelStore readModels)
{
    private const string ProbeOrderId = "health-probe";

    /// <summary>Reads a row that never exists: a round trip to the same tables the API reads.</summary>
    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await readModels.GetAsync(ProbeOrderId, context.CancellationToken);
            return HttpResultAction.From(TypedResults.Ok(new { status = "healthy" }));
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or InvalidOperationException)
        {
            return HttpResultAction.From(ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Storage unreachable",
                $"The order storage did not answer: {ex.Message}"));
        }
    }
}
