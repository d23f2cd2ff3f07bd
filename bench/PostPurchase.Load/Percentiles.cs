using System.Collections.Concurrent;

namespace PostPurchase.Load;

/// <summary>Collects samples and reports percentiles.</summary>
internal sealed class Percentiles
{
    private readonly ConcurrentBag<double> _samples = [];

    public void Add(double value) => _samples.Add(value);

    public int Count => _samples.Count;

    public double At(double percentile)
    {
        var sorted = _samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
