using System.Collections.Concurrent;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>The last state row this process wrote or read per order, so a decision usually costs one storage request; a stale entry only costs an ETag conflict.</summary>
internal sealed class StateCache
{
    private const int Limit = 50_000;
    private readonly ConcurrentDictionary<string, LoadedState> _states = new(StringComparer.Ordinal);

    public LoadedState? Get(string orderId) => _states.TryGetValue(orderId, out var state) ? state : null;

    public void Set(LoadedState state)
    {
        if (_states.Count >= Limit)
        {
            _states.Clear();
        }

        _states[state.OrderId] = state;
    }

    /// <summary>An index entry was released at the state row's ETag <paramref name="was"/>: a copy read at that ETag follows the change.</summary>
    public void Released(string orderId, Azure.ETag was, Azure.ETag now, OpenKinds cleared)
    {
        if (_states.TryGetValue(orderId, out var state) && state.ETag == was)
        {
            _states.TryUpdate(orderId, state with { ETag = now, Open = state.Open & ~cleared }, state);
        }
    }

    public void Forget(string orderId) => _states.TryRemove(orderId, out _);
}
