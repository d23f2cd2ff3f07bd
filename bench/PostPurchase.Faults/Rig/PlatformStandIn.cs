using System.Diagnostics;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// The hosting platform's part after a fault: a runtime whose processes have all ended is started again at once (App Service and
/// Functions restart a host that exits; a service manager does the same for the Host), and one that stays unhealthy for
/// <paramref name="recycleAfter"/> is killed and started again (App Service's health check recycles an instance that keeps
/// failing it). The Functions host ends itself when a storage outage breaks the renewal of a timer trigger's singleton lease, and
/// its shutdown can hang on the Durable Task hub; on Azure the platform takes over from there, here this does.
/// </summary>
internal sealed class PlatformStandIn(RuntimeUnderTest runtime, TimeSpan recycleAfter)
{
    /// <summary>Times the runtime had exited by itself and was started again.</summary>
    public int Restarted { get; private set; }

    /// <summary>Times the runtime was still running but unhealthy for too long, and was killed and started again.</summary>
    public int Recycled { get; private set; }

    /// <summary>Waits until <c>/health</c> answers 200, acting as the platform meanwhile; false when not healthy within <paramref name="patience"/>.</summary>
    public async Task<bool> WaitHealthyAsync(HttpClient http, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        var unhealthy = Stopwatch.StartNew();
        while (await HealthAsync(http) != 200)
        {
            var left = patience - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }
            var exited = !runtime.IsRunning;
            if (exited || unhealthy.Elapsed >= recycleAfter)
            {
                Console.WriteLine($"  platform: the runtime {(exited ? "had exited" : $"was unhealthy for {unhealthy.Elapsed.TotalSeconds:F0} s")}; starting it again");
                try
                {
                    await runtime.KillAndRestartAsync(left);
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                {
                    Console.WriteLine($"  platform: the restarted runtime did not become healthy: {ex.Message.Split('\n')[0]}");
                }
                if (exited)
                {
                    Restarted++;
                }
                else
                {
                    Recycled++;
                }
                unhealthy.Restart();
                continue;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        return true;
    }

    /// <summary>The status <c>GET /health</c> answers, or 0 when nothing answers.</summary>
    public static async Task<int> HealthAsync(HttpClient http)
    {
        try
        {
            using var answer = await http.GetAsync("/health");
            return (int)answer.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
