using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Api;

/// <summary>The simulated clock over HTTP: read it, move it forward and run everything that became due. Absent (404) unless the clock is simulated.</summary>
public static class DevClockApi
{
    private const int MaxSteps = 10_000;

    /// <summary>GET /api/dev/clock: <c>{now}</c>.</summary>
    public static Results<Ok<ClockView>, ProblemHttpResult> Get(TimeProvider time) =>
        time is SimulatedClock clock ? TypedResults.Ok(new ClockView(clock.GetUtcNow())) : NotSimulated();

    /// <summary>POST /api/dev/clock/advance <c>{"by":"P3DT2H"}</c>: advances wake-up by wake-up, running everything due at each, and answers the new time.</summary>
    public static async Task<Results<Ok<ClockView>, ProblemHttpResult>> AdvanceAsync(
        HttpRequest request, TimeProvider time, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (time is not SimulatedClock clock)
        {
            return NotSimulated();
        }
        var body = await JsonBody.ReadAsync<AdvanceClockRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        if (!TryParseDuration(body.Value!.By, out var by, out var error))
        {
            return ApiProblems.Invalid("by", error);
        }
        var wakeups = request.HttpContext.RequestServices.GetService<WakeupIndex>();
        var now = await StepAsync(clock, clock.GetUtcNow() + by, runtime, wakeups, cancellationToken).ConfigureAwait(false);
        if (request.HttpContext.RequestServices.GetService<SimulatedClockStore>() is { } store)
        {
            await store.SaveAsync(cancellationToken).ConfigureAwait(false);
        }
        return TypedResults.Ok(new ClockView(now));
    }

    // Stops at every wake-up on the way, so each message goes out at its own time, not all at the end of a long jump.
    private static async Task<DateTimeOffset> StepAsync(
        SimulatedClock clock, DateTimeOffset target, IWorkflowRuntime runtime, WakeupIndex? wakeups, CancellationToken cancellationToken)
    {
        await runtime.DrainAsync(cancellationToken).ConfigureAwait(false);
        for (var step = 0; wakeups is not null && step < MaxSteps; step++)
        {
            var now = clock.GetUtcNow();
            var due = await wakeups.UpToAsync(target, cancellationToken).ConfigureAwait(false);
            var next = due.Where(w => w.DueAt > now && w.DueAt <= target).Select(w => (DateTimeOffset?)w.DueAt).Min();
            if (next is null)
            {
                break;
            }
            clock.Advance(next.Value - now);
            await runtime.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
        var rest = target - clock.GetUtcNow();
        var reached = clock.Advance(rest > TimeSpan.Zero ? rest : TimeSpan.Zero);
        await runtime.DrainAsync(cancellationToken).ConfigureAwait(false);
        return reached;
    }

    /// <summary>Parses a non-negative ISO 8601 duration (<c>PT90M</c>, <c>P3DT2H</c>); years and months are refused (their length varies).</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration, out string error)
    {
        duration = TimeSpan.Zero;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Required: an ISO 8601 duration such as \"PT2H\" or \"P3DT2H\".";
            return false;
        }
        var datePart = text.Split('T')[0];
        if (datePart.Contains('Y', StringComparison.OrdinalIgnoreCase) || datePart.Contains('M', StringComparison.OrdinalIgnoreCase))
        {
            error = $"'{text}' uses years or months, whose length varies; use days (\"P30D\").";
            return false;
        }
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            error = $"'{text}' is not an ISO 8601 duration; use e.g. \"PT2H\" or \"P3DT2H\".";
            return false;
        }
        catch (OverflowException)
        {
            error = $"'{text}' is too long a duration.";
            return false;
        }
        if (duration < TimeSpan.Zero)
        {
            error = "Time only moves forward; use a positive duration.";
            return false;
        }
        return true;
    }

    private static ProblemHttpResult NotSimulated() =>
        ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found",
            "The dev clock exists only when the host runs with PostPurchase:Clock=Simulated.");
}
