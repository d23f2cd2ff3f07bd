namespace PostPurchase.Core.Shops;

/// <summary>A signed shop delivery that cannot be turned into timeline inputs; the message names the field or the reason.</summary>
public sealed class ShopPayloadException : Exception
{
    /// <summary>Creates the exception without a message.</summary>
    public ShopPayloadException()
    {
    }

    /// <summary>Creates the exception with the reason a merchant reads on the dashboard.</summary>
    public ShopPayloadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and what caused it.</summary>
    public ShopPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
