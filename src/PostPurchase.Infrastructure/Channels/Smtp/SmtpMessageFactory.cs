using System.Security.Cryptography;
using System.Text;
using MimeKit;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Channels.Smtp;

/// <summary>Builds the MIME message: multipart/alternative text + HTML in UTF-8, Reply-To the support address, a Message-Id derived from the message key.</summary>
internal static class SmtpMessageFactory
{
    /// <summary>The MIME message for <paramref name="message"/>.</summary>
    public static MimeMessage Create(OutboundMessage message, PostPurchaseOptions settings, DateTimeOffset now)
    {
        var content = message.Content;
        if (string.IsNullOrWhiteSpace(content.Subject))
        {
            throw new ArgumentException($"Email {message.Key} has no subject.", nameof(message));
        }
        var branding = message.Branding ?? settings.Branding;
        var mime = new MimeMessage
        {
            Subject = content.Subject,
            Date = now,
            MessageId = MessageIdFor(message.Key, settings.Email.Sender),
        };
        mime.From.Add(new MailboxAddress((message.Branding is null ? settings.Email.SenderName : null) ?? branding.SenderName ?? branding.ShopName, settings.Email.Sender));
        mime.To.Add(new MailboxAddress(message.RecipientName, message.To));
        mime.ReplyTo.Add(new MailboxAddress(branding.ShopName, branding.SupportEmail));
        mime.Headers.Add("Content-Language", message.Locale);
        foreach (var (name, value) in EmailHeaders.For(message, branding))
        {
            mime.Headers.Add(name, value);
        }

        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, content.Text);
        if (content.Html is null)
        {
            mime.Body = text;
            return mime;
        }
        var html = new TextPart("html");
        html.SetText(Encoding.UTF8, content.Html);
        mime.Body = new MultipartAlternative { text, html };
        return mime;
    }

    /// <summary>A stable Message-Id: the same message key always gives the same id, so receivers can spot a repeat.</summary>
    public static string MessageIdFor(string key, string sender)
    {
        var at = sender.LastIndexOf('@');
        var domain = at >= 0 && at < sender.Length - 1 ? sender[(at + 1)..] : "postpurchase.local";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
        return $"pp.{hash}@{domain}";
    }
}
