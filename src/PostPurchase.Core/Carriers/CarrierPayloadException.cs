namespace PostPurchase.Core.Carriers;

/// <summary>A signed webhook whose body could not be understood; the message names what was wrong.</summary>
public sealed class CarrierPayloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CarrierPayloadException(string message, string? providerEventId = null, Exception? inner = null)
        : base(message, inner) => ProviderEventId = providerEventId;

    /// <summary>Creates the exception.</summary>
    public CarrierPayloadException() : this("The webhook payload is malformed.") { }

    /// <summary>Creates the exception.</summary>
    public CarrierPayloadException(string message) : this(message, null, null) { }

    /// <summary>Creates the exception.</summary>
    public CarrierPayloadException(string message, Exception inner) : this(message, null, inner) { }

    /// <summary>The provider's event id, when it could be read, for the logs.</summary>
    public string? ProviderEventId { get; }
}
