namespace PostPurchase.Infrastructure.Runtime;

/// <summary>Serialises work on one order inside this process (striped), so local work never races itself; across processes ETags decide.</summary>
internal sealed class OrderLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 512).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> AcquireAsync(string orderId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(orderId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    private sealed class Releaser(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
