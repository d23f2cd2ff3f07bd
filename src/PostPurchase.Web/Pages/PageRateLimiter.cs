using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PostPurchase.Web.Pages;

/// <summary>Fixed-window limits per client address for the tracking page and its actions (separate budgets).</summary>
public sealed class PageRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _pages;
    private readonly PartitionedRateLimiter<string> _actions;

    /// <summary>Creates the limiter from <see cref="PagesOptions"/>.</summary>
    public PageRateLimiter(IOptions<PagesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pages = Create(options.Value.PageRequestsPerMinute);
        _actions = Create(options.Value.ActionsPerMinute);
    }

    /// <summary>True when the request may proceed; false means answer 429.</summary>
    public bool TryAcquire(HttpContext context, bool isAction)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = (isAction ? _actions : _pages).AttemptAcquire(client);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pages.Dispose();
        _actions.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
