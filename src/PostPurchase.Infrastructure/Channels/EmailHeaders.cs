using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>Extra email headers both email providers send: one-click unsubscribe for marketing and promotions (RFC 2369, RFC 8058).</summary>
internal static class EmailHeaders
{
    /// <summary>The headers for <paramref name="message"/>; empty for transactional mail.</summary>
    public static Dictionary<string, string> For(OutboundMessage message, Branding branding)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (message.Purpose == MessagePurpose.Transactional)
        {
            return headers;
        }
        if (message.UnsubscribeUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            headers["List-Unsubscribe"] = $"<{uri.AbsoluteUri}>";
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }
        else
        {
            headers["List-Unsubscribe"] = $"<mailto:{branding.SupportEmail}?subject=unsubscribe>";
        }
        return headers;
    }
}
