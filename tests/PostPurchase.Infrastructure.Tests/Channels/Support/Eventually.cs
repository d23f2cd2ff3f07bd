namespace PostPurchase.Infrastructure.Tests.Channels.Support;

/// <summary>Waits (bounded) for something another thread or process does; fails with a message instead of hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string? what = null, int maxSeconds = 20)
    {
        for (var i = 0; i < maxSeconds * 50; i++)
        {
            if (condition())
            {
                return;
            }
            await Task.Delay(20);
        }
        Assert.Fail($"Gave up waiting after {maxSeconds} s{(what is null ? "" : $" for {what}")}.");
    }
}
