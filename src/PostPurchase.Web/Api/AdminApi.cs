using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Api;

/// <summary>Operator endpoints behind the merchant API key.</summary>
public static class AdminApi
{
    /// <summary>GET /api/admin/poison?max=50: inputs that failed every retry, newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<PoisonInput>>, ProblemHttpResult>> GetPoisonAsync(
        IWorkflowRuntime runtime, int? max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var take = max ?? 50;
        if (take is < 1 or > 1000)
        {
            return ApiProblems.Invalid("max", "Must be between 1 and 1000.");
        }
        return TypedResults.Ok(await runtime.GetPoisonInputsAsync(take, cancellationToken).ConfigureAwait(false));
    }
}
