namespace PostPurchase.Infrastructure.Workflows;

/// <summary>Operations on the workflow runtime itself, for the dev clock, the admin API and the dashboard.</summary>
public interface IWorkflowRuntime
{
    /// <summary>Processes everything due at the clock's current time (queued inputs, wake-ups, pending messages) and returns when nothing due is left.</summary>
    Task DrainAsync(CancellationToken cancellationToken);

    /// <summary>Inputs that failed too often to apply, newest first.</summary>
    Task<IReadOnlyList<PoisonInput>> GetPoisonInputsAsync(int max, CancellationToken cancellationToken);
}

/// <summary>An input that could not be applied after every retry; kept with its error so a merchant can see and replay it.</summary>
/// <param name="Payload">The input as JSON (CoreJson).</param>
public sealed record PoisonInput(string Id, string? OrderId, string Payload, string Error, int Attempts, DateTimeOffset FailedAt);
