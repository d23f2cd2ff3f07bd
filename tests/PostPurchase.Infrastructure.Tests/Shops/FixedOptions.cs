using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Tests.Shops;

/// <summary>Settings that never change, for an API client made by hand.</summary>
internal sealed class FixedOptions(PostPurchaseOptions value) : IOptionsMonitor<PostPurchaseOptions>
{
    public PostPurchaseOptions CurrentValue => value;

    public PostPurchaseOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<PostPurchaseOptions, string?> listener) => null;
}
