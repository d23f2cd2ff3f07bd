namespace PostPurchase.Core.Messages;

/// <summary>A template or locale string that does not parse or render; <see cref="TemplateKey"/> names it.</summary>
public sealed class MessageTemplateException : Exception
{
    /// <summary>Creates the exception for the template <paramref name="templateKey"/>.</summary>
    public MessageTemplateException(string templateKey, string message, Exception? inner = null)
        : base($"Message template '{templateKey}': {message}", inner) => TemplateKey = templateKey;

    /// <summary>The template's key, "intent.channel.locale.part" (or the locale string's "locale:intent.key").</summary>
    public string TemplateKey { get; } = "";

    /// <summary>Creates the exception without a key.</summary>
    public MessageTemplateException() { }

    /// <summary>Creates the exception without a key.</summary>
    public MessageTemplateException(string message) : base(message) { }

    /// <summary>Creates the exception without a key.</summary>
    public MessageTemplateException(string message, Exception innerException) : base(message, innerException) { }
}
