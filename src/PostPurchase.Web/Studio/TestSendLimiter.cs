using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Web.Studio;

/// <summary>At most <c>PostPurchase:Studio:TestSendsPerHour</c> test sends per process in any hour (sliding), on the app's clock.</summary>
public sealed class TestSendLimiter(IOptions<PostPurchaseOptions> options, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>True and counted when a test send may go now; else false and <paramref name="retryAfter"/> says when one may.</summary>
    public bool TryAcquire(out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_sent)
        {
            while (_sent.Count > 0 && now - _sent.Peek() >= TimeSpan.FromHours(1))
                _sent.Dequeue();
            if (_sent.Count >= Math.Max(1, options.Value.Studio.TestSendsPerHour))
            {
                retryAfter = _sent.Peek() + TimeSpan.FromHours(1) - now;
                return false;
            }
            _sent.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
