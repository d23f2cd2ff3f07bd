namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>Wakes the webhook dispatcher as soon as deliveries are queued, instead of at its next poll.</summary>
public sealed class WebhookNudge : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Asks the dispatcher to look for due deliveries now.</summary>
    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one wake-up covers every queued delivery.
        }
    }

    /// <summary>Completes when woken or after <paramref name="interval"/> (measured by <paramref name="time"/>).</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _signal.WaitAsync(both.Token);
        var delay = Task.Delay(interval, time, both.Token);
        await Task.WhenAny(woken, delay);
        await both.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();
}
