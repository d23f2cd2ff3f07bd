using System.Diagnostics;

namespace PostPurchase.Testing;

/// <summary>Waits for something another thread does (a request reaching a stub, a background run), with a generous limit.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails after <paramref name="seconds"/> of real time.</summary>
    public static Task TrueAsync(Func<bool> condition, int seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return TrueAsync(() => Task.FromResult(condition()), seconds);
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="seconds"/> of real time.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, int seconds = 30)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return TrueAsync(() => Task.FromResult(condition()), seconds, what);
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails after <paramref name="seconds"/> of real time.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds = 30, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var waited = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Still waiting after {seconds} s{(what is null ? "" : $" for {what}")}.");
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
    }
}
