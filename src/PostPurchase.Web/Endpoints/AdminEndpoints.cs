using PostPurchase.Web.Security;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Endpoints;

/// <summary>Operator endpoints under <c>/api/admin</c>, behind the API key.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin")
            .WithTags("Admin")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(ApiKeySecurity.Requirement);

        // The query parameter is declared for the API description; the handler reads and checks it itself.
        admin.MapGet("/poison", (HttpContext context, string? max) => AdminHandlers.GetPoisonInputsAsync(context))
            .WithName("GetPoisonInputs")
            .WithSummary("Inputs that failed every retry, newest first (max: 1-1000, default 50).")
            .Produces<IReadOnlyList<PoisonInput>>()
            .ProducesValidationProblem();

        return app;
    }
}
