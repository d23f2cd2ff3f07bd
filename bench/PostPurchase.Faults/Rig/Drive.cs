using System.Diagnostics;

namespace PostPurchase.Faults.Rig;

/// <summary>Offers work the way shops do: a new order every 1/rate seconds whatever the runtime is doing (open loop).</summary>
internal static class Drive
{
    public static async Task<IReadOnlyList<T>> OpenLoopAsync<T>(int count, double rate, Func<int, Task<T>> start, Stopwatch clock)
    {
        var origin = clock.Elapsed;
        var running = new List<Task<T>>(count);
        for (var i = 0; i < count; i++)
        {
            var wait = origin + TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            running.Add(start(i));
            if (i % 250 == 249)
            {
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:F0} s: {i + 1} orders placed");
            }
        }
        return await Task.WhenAll(running);
    }
}
