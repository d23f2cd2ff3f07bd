namespace PostPurchase.Core.Carriers.Signatures;

/// <summary>Refuses to verify with a blank secret: anyone could sign with an empty key.</summary>
internal static class SecretGuard
{
    /// <summary>Throws when <paramref name="secret"/> is null, empty or blank.</summary>
    public static void EnsureConfigured(string provider, string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException(
                $"No webhook secret is configured for '{provider}'; set PostPurchase:Carriers:{provider}:Secret.", nameof(secret));
        }
    }
}
