using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Testing;

/// <summary>Records what webhooks raise; knows a fixed set of orders and, optionally, their message log.</summary>
public sealed class RecordingWorkflows(params string[] knownOrders) : IOrderWorkflows, IOrderDirectory
{
    public List<(string OrderId, TimelineInput Input)> Raised { get; } = [];

    public Dictionary<string, string[]> OrdersByPhone { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OrderSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

    public Task<StartResult> StartAsync(Order order, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Webhooks never start orders.");

    public Task<bool> RaiseAsync(string orderId, TimelineInput input, CancellationToken cancellationToken)
    {
        if (!knownOrders.Contains(orderId))
        {
            return Task.FromResult(false);
        }
        Raised.Add((orderId, input));
        return Task.FromResult(true);
    }

    public Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshots.GetValueOrDefault(orderId));

    public Task<IReadOnlyList<string>> FindByPhoneAsync(string e164Phone, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(OrdersByPhone.GetValueOrDefault(e164Phone) ?? []);
}
