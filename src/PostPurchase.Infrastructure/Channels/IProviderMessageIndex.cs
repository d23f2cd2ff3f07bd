namespace PostPurchase.Infrastructure.Channels;

/// <summary>Which order and message a provider's own id stands for, so a delivery report that names only that id finds its message.</summary>
public interface IProviderMessageIndex
{
    /// <summary>Remembers that <paramref name="providerId"/> of <paramref name="provider"/> is message <paramref name="messageKey"/> of order <paramref name="orderId"/>.</summary>
    Task RememberAsync(string provider, string providerId, string orderId, string messageKey, CancellationToken cancellationToken);

    /// <summary>The order and message key for <paramref name="providerId"/>, or null when none was remembered.</summary>
    Task<(string OrderId, string MessageKey)?> FindAsync(string provider, string providerId, CancellationToken cancellationToken);
}

/// <summary>No index: the choice of hosts without storage (channel tests); reports for unknown ids are ignored.</summary>
internal sealed class NoProviderMessageIndex : IProviderMessageIndex
{
    public Task RememberAsync(string provider, string providerId, string orderId, string messageKey, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<(string OrderId, string MessageKey)?> FindAsync(string provider, string providerId, CancellationToken cancellationToken) =>
        Task.FromResult<(string, string)?>(null);
}
