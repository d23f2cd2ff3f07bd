using System.Diagnostics;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// What one stretch of load achieved: orders finished (audited) and messages the stand-ins accepted, per second from the first
/// order placed until the audit found the last one finished, and the best ten seconds of messages.
/// </summary>
internal sealed record Throughput(int Orders, int Finished, int Messages, TimeSpan Took, double PeakMessagesPerSecond)
{
    public double OrdersPerSecond => Finished / Took.TotalSeconds;

    public double MessagesPerSecond => Messages / Took.TotalSeconds;

    /// <summary>The figures of a stretch that began at <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp) and ends now.</summary>
    public static Throughput Measure(FaultRig rig, long start, int messagesBefore, AuditFindings audit)
    {
        var end = Stopwatch.GetTimestamp();
        var second = Stopwatch.Frequency;
        var peak = 0.0;
        for (var from = start; from + (10 * second) <= end; from += second)
        {
            peak = Math.Max(peak, (rig.Emails.DeliveredBetween(from, from + (10 * second)) + rig.Texts.DeliveredBetween(from, from + (10 * second))) / 10.0);
        }
        var messages = rig.Emails.Delivered + rig.Texts.Delivered - messagesBefore;
        return new Throughput(audit.Orders.Count, audit.Orders.Count(o => !o.Unfinished), messages, Stopwatch.GetElapsedTime(start, end), peak);
    }

    public override string ToString() =>
        $"{OrdersPerSecond:F1} orders/s ({Finished} of {Orders} in {Took.TotalSeconds:F0} s), {MessagesPerSecond:F1} messages/s (best 10 s: {PeakMessagesPerSecond:F1})";
}
