namespace PostPurchase.Testing.Azurite;

/// <summary>Azurite ended before its ports answered (most often a port taken meanwhile); the message carries its error output.</summary>
public sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
