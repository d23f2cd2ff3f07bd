using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PostPurchase.Core.Growth;

/// <summary>Picks an order's arm of a test by a keyed hash of its id: the same order always lands in the same arm.</summary>
/// <remarks>HMAC-SHA256 keyed with the test id, so arms are independent across tests and nobody can steer an order by its number.</remarks>
public static class ArmAssignment
{
    /// <summary>The arm for <paramref name="orderId"/>, by the arms' weights; throws when the test has no arm with a positive weight.</summary>
    public static ExperimentArm Pick(Experiment experiment, string orderId)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        var total = experiment.Arms.Sum(a => (long)Math.Max(0, a.Weight));
        if (total <= 0)
        {
            throw new ArgumentException($"Test '{experiment.Id}' has no arm with a positive weight.", nameof(experiment));
        }
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes($"postpurchase-experiment:{experiment.Id}"), Encoding.UTF8.GetBytes(orderId));
        var point = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)total);
        foreach (var arm in experiment.Arms.Where(a => a.Weight > 0))
        {
            if (point < arm.Weight)
            {
                return arm;
            }
            point -= arm.Weight;
        }
        throw new InvalidOperationException("Unreachable: the point lies within the total weight.");
    }
}
