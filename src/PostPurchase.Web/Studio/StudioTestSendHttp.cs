using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Web.Studio;

/// <summary><c>POST /studio/templates/test-send</c>: the editor's draft rendered and sent to one address or number through the configured channel, rate-limited.</summary>
public static partial class StudioTestSendHttp
{
    /// <summary>Sends the draft, then back to the editor with what the provider said; 429 with Retry-After past the hourly limit.</summary>
    public static async Task<IResult> SendAsync(HttpContext http)
    {
        var s = StudioSession.For(http);
        if (await s.RejectPostAsync() is { } rejected)
            return rejected;
        var form = await s.FormAsync();
        var target = TemplateTarget.From(name => form[name]);
        var to = form["to"].ToString().Trim();
        var back = $"/studio/templates?{target.Query(form["order"])}";
        if (target.Channel == Channel.Email ? !MailAddress.TryCreate(to, out _) : !Phone().IsMatch(to))
        {
            var expected = target.Channel == Channel.Email ? "an email address such as you@shop.example" : "a phone number in international form such as +31612345678";
            return Results.Problem($"'to' must be {expected}.", statusCode: StatusCodes.Status400BadRequest, title: "Test send refused");
        }
        if (!http.RequestServices.GetRequiredService<TestSendLimiter>().TryAcquire(out var wait))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Problem($"Test sends are limited per hour; the next one is possible in {Math.Ceiling(wait.TotalMinutes)} minutes.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many test sends");
        }
        var live = await s.Settings.CurrentAsync(s.Aborted);
        var (order, links) = await StudioTemplatesHttp.OrderAsync(s, form["order"]);
        var preview = TemplatePreview.Render(live, target, form["source"].ToString(), order, links);
        if (preview.Content is not { } content)
            return Results.Redirect($"{back}&sent={Uri.EscapeDataString($"Not sent: {preview.Error}")}");
        var sender = http.RequestServices.GetServices<IChannelSender>().LastOrDefault(x => x.Channel == target.Channel);
        if (sender is null)
            return Results.Redirect($"{back}&sent={Uri.EscapeDataString($"Not sent: no sender is configured for {target.ChannelName}.")}");
        var message = new OutboundMessage($"studio-test:{Guid.NewGuid():N}", "studio-test", target.Intent, target.Channel, to, "Test", target.Locale,
            MessagePurpose.Transactional, content, Branding: live.Branding,
            WhatsAppTemplateSid: target.Channel == Channel.WhatsApp ? live.WhatsAppTemplateFor(target.Intent, target.Locale) : null);
        var result = await sender.SendAsync(message, s.Aborted);
        var said = result.Outcome == SendOutcome.Sent
            ? $"Test sent to {to} through {sender.Provider}{(result.ProviderMessageId is { } id ? $" ({id})" : "")}."
            : $"Test not sent through {sender.Provider}: {result.Outcome.ToString().ToLowerInvariant()}, {result.Error}";
        return Results.Redirect($"{back}&sent={Uri.EscapeDataString(said)}");
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex Phone();
}
