using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Web.Security;
using PostPurchase.Web.Api;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Endpoints;

/// <summary>Operator endpoints under <c>/api/admin</c>, behind the API key.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin")
            .WithTags("Admin")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(ApiKeySecurity.Requirement);

        admin.MapGet("/poison", GetPoisonInputs)
            .WithName("GetPoisonInputs")
            .WithSummary("Inputs that failed every retry, newest first (max: 1-1000, default 50).")
            .ProducesValidationProblem();

        return app;
    }

    private static Task<Results<Ok<IReadOnlyList<PoisonInput>>, ProblemHttpResult>> GetPoisonInputs(
        IWorkflowRuntime runtime, int? max, CancellationToken cancellationToken) =>
        AdminApi.GetPoisonAsync(runtime, max, cancellationToken);
}
