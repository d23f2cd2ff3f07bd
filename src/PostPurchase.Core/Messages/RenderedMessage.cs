namespace PostPurchase.Core.Messages;

/// <summary>A message ready for a channel: subject, HTML and text for email; text for SMS/WhatsApp; template variables for WhatsApp templates.</summary>
/// <param name="Subject">Email subject; null for SMS/WhatsApp.</param>
/// <param name="Html">Email HTML body; null for SMS/WhatsApp.</param>
/// <param name="Text">Plain text (email alternative part, SMS body, WhatsApp free-form body).</param>
/// <param name="TemplateVariables">WhatsApp Content API variables ("1" -> first name, ...), for sends outside the 24-hour window.</param>
public sealed record RenderedMessage(string? Subject, string? Html, string Text, IReadOnlyDictionary<string, string>? TemplateVariables = null);
