namespace PostPurchase.Infrastructure.Shops;

/// <summary>What the dashboard shows of one platform: deliveries by topic, the last one, refusals and the last reconciliation.</summary>
public sealed record ShopStatus(
    string Platform,
    DateTimeOffset? LastDeliveryAt,
    IReadOnlyDictionary<string, int> CountsByTopic,
    IReadOnlyList<RefusedDelivery> Refused,
    ReconcileRun? LastReconcile);

/// <summary>A delivery refused (bad signature, no secret, unmappable payload), with the reason a merchant can act on.</summary>
public sealed record RefusedDelivery(DateTimeOffset At, string Topic, string Reason);

/// <summary>One reconciliation run: what it looked at and what it found.</summary>
/// <param name="Since">The platform time it asked for changes after.</param>
/// <param name="Watermark">The newest change it saw; the next run asks after this.</param>
/// <param name="Error">Why it stopped, when it failed.</param>
public sealed record ReconcileRun(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, DateTimeOffset Since, DateTimeOffset Watermark, int Orders, int Changed, string? Error);
