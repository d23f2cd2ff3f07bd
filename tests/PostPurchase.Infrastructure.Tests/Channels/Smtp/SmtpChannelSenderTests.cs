using PostPurchase.Testing;
using MimeKit;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Channels.Smtp;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Tests.Channels.Support;

namespace PostPurchase.Infrastructure.Tests.Channels.Smtp;

public sealed class SmtpChannelSenderTests
{
    private static PostPurchaseOptions Settings(int port, string? user = null, string? password = null) => new()
    {
        Email = new EmailOptions
        {
            Provider = "Smtp", SmtpHost = "127.0.0.1", SmtpPort = port, SmtpUseTls = false, SmtpUser = user, SmtpPassword = password,
            Sender = "orders@shop.example", SenderName = "Zeeman & Zonen",
        },
        Branding = new Core.Messages.Branding { ShopName = "Zeeman & Zonen", SupportEmail = "help@shop.example" },
    };

    [Theory]
    [InlineData("en", "Your order PP-1 is confirmed", "Thank you for your order.")]
    [InlineData("nl", "Je bestelling PP-1 is bevestigd", "Bedankt voor je bestelling – tot ziens!")]
    [InlineData("de", "Ihre Bestellung PP-1 ist bestätigt", "Vielen Dank für Ihre Bestellung. Größe: M")]
    [InlineData("fr", "Votre commande PP-1 est confirmée", "Merci pour votre commande, à très bientôt.")]
    [InlineData("pl", "Zamówienie PP-1 zostało potwierdzone", "Dziękujemy za zamówienie. Zażółć gęślą jaźń.")]
    public async Task SendAsync_Locale_DeliversSubjectBothPartsAndHeadersIntact(string locale, string subject, string text)
    {
        using var sink = await SmtpSink.StartAsync();
        using var host = ChannelTestHost.Create(Settings(sink.Port));
        var message = Messages.Email(subject, text, locale);

        var result = await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        await Eventually.TrueAsync(() => sink.Files.Count == 1, "the message at the SMTP server");
        var received = sink.Single();
        Assert.Equal(subject, received.Subject);
        var from = received.From.Mailboxes.Single();
        Assert.Equal(("Zeeman & Zonen", "orders@shop.example"), (from.Name, from.Address));
        var to = received.To.Mailboxes.Single();
        Assert.Equal(("Anna de Vries", "anna@example.com"), (to.Name, to.Address));
        Assert.Equal("help@shop.example", received.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(SmtpMessageFactory.MessageIdFor(message.Key, "orders@shop.example"), received.MessageId);
        Assert.Equal(result.ProviderMessageId, received.MessageId);
        Assert.Contains($"Content-Language: {locale}", File.ReadAllLines(sink.Files[0]));
        Assert.Null(received.Headers["List-Unsubscribe"]);
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        var plain = Assert.IsType<TextPart>(alternative[0]);
        var html = Assert.IsType<TextPart>(alternative[1]);
        Assert.True(plain.IsPlain);
        Assert.True(html.IsHtml);
        Assert.Equal("utf-8", plain.ContentType.Charset, ignoreCase: true);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);
        Assert.Equal(text, plain.Text.TrimEnd('\r', '\n'));
        Assert.Contains(text, html.Text, StringComparison.Ordinal);
        var rawSubject = File.ReadAllLines(sink.Files[0]).First(l => l.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.Equal(subject.All(char.IsAscii), !rawSubject.Contains("=?utf-8?", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SendAsync_Marketing_AddsOneClickUnsubscribe()
    {
        using var sink = await SmtpSink.StartAsync();
        using var host = ChannelTestHost.Create(Settings(sink.Port));
        var message = Messages.Email(purpose: MessagePurpose.Marketing, unsubscribeUrl: "https://shop.example/track/abc/unsubscribe");

        await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

        await Eventually.TrueAsync(() => sink.Files.Count == 1, "the message at the SMTP server");
        var received = sink.Single();
        Assert.Equal("<https://shop.example/track/abc/unsubscribe>", received.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", received.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task SendAsync_MarketingWithoutLink_OffersAMailtoUnsubscribe()
    {
        using var sink = await SmtpSink.StartAsync();
        using var host = ChannelTestHost.Create(Settings(sink.Port));

        await host.Sender(Channel.Email).SendAsync(Messages.Email(purpose: MessagePurpose.Marketing), CancellationToken.None);

        await Eventually.TrueAsync(() => sink.Files.Count == 1, "the message at the SMTP server");
        var received = sink.Single();
        Assert.Equal("<mailto:help@shop.example?subject=unsubscribe>", received.Headers["List-Unsubscribe"]);
        Assert.Null(received.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task SendAsync_WithCredentials_AuthenticatesAndSends()
    {
        using var sink = await SmtpSink.StartAsync("mailer", "s3cret-smtp-pass");
        using var host = ChannelTestHost.Create(Settings(sink.Port, "mailer", "s3cret-smtp-pass"));

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        await Eventually.TrueAsync(() => sink.Files.Count == 1, "the message at the SMTP server");
    }

    [Fact]
    public async Task SendAsync_NothingListening_ReturnsRetry()
    {
        using var host = ChannelTestHost.Create(Settings(port: 1));

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
    }
}
