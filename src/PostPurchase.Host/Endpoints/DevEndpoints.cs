using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Web.Api;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Host.Endpoints;

/// <summary>The simulated clock under <c>/api/dev</c>; every route answers 404 unless <c>PostPurchase:Clock=Simulated</c>.</summary>
internal static class DevEndpoints
{
    public static IEndpointRouteBuilder MapDevEndpoints(this IEndpointRouteBuilder app)
    {
        var dev = app.MapGroup("/api/dev").WithTags("Simulation");

        dev.MapGet("/clock", GetClock)
            .WithName("GetClock")
            .WithSummary("The simulated time.");

        dev.MapPost("/clock/advance", AdvanceClock)
            .WithName("AdvanceClock")
            .WithSummary("Moves the simulated time forward by an ISO 8601 duration ({\"by\":\"P3DT2H\"}) and runs everything that became due.")
            .Accepts<AdvanceClockRequest>("application/json")
            .ProducesValidationProblem();

        return app;
    }

    private static Results<Ok<ClockView>, ProblemHttpResult> GetClock(TimeProvider time) => DevClockApi.Get(time);

    private static Task<Results<Ok<ClockView>, ProblemHttpResult>> AdvanceClock(
        HttpRequest request, TimeProvider time, IWorkflowRuntime runtime, CancellationToken cancellationToken) =>
        DevClockApi.AdvanceAsync(request, time, runtime, cancellationToken);
}
