using System.Text.RegularExpressions;
using Twilio.Base;
using Twilio.Clients;
using Request = Twilio.Http.Request;
using Twilio.Rest;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PostPurchase.Infrastructure.Channels.Twilio;

/// <summary>
/// Looks up whether Twilio already has a message whose create request's answer was lost, by listing the account's messages to
/// the recipient (newest first) back to the lost attempt. Twilio echoes neither our message key nor the status callback URL, so
/// a message is recognised by what it does echo: recipient, sender, direction, creation time and the body.
/// </summary>
internal static partial class TwilioSendLookup
{
    /// <summary>How far Twilio's clock may lie behind ours: a message created this long before the lost attempt still counts.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private const int PageSize = 50;

    // Twilio lists one recipient's messages; more than this many pages back to a claim minutes old means something else is wrong.
    private const int MaxPages = 10;

    /// <summary>What the recipient's messages since the lost attempt showed.</summary>
    internal sealed record Found(string? Sid, string? Error)
    {
        public static Found Nothing { get; } = new(null, null);
    }

    /// <summary>
    /// Lists the messages to <paramref name="to"/> (and from <paramref name="from"/> when it is known) created since
    /// <paramref name="since"/> minus <see cref="ClockSkew"/>, and returns the first one <paramref name="matches"/> accepts.
    /// </summary>
    /// <remarks>
    /// No <c>DateSent</c> filter: it is date-granular, and a message still queued (or scheduled by a Messaging Service) has no
    /// date sent yet, so it would hide exactly the message looked for. Instead the pages, which Twilio sorts by date sent with
    /// the newest first, are read until a message sent before the cutoff appears; a message without a date sent never stops
    /// the reading, and one is only taken when it was created after the cutoff.
    /// </remarks>
    public static async Task<Found> FindAsync(
        ITwilioRestClient rest, string accountSid, string to, string? from, DateTimeOffset since, Func<MessageResource, bool> matches, CancellationToken cancellationToken)
    {
        var cutoff = (since - ClockSkew).UtcDateTime;
        var options = new ReadMessageOptions { PathAccountSid = accountSid, To = new PhoneNumber(to), PageSize = PageSize };
        if (from is not null)
        {
            options.From = new PhoneNumber(from);
        }

        var request = new Request(global::Twilio.Http.HttpMethod.Get, Domain.Api, $"/2010-04-01/Accounts/{accountSid}/Messages.json", queryParams: options.GetParams());
        for (var page = 0; page < MaxPages; page++)
        {
            var response = await rest.RequestAsync(request).WaitAsync(cancellationToken).ConfigureAwait(false);
            var listed = Page<MessageResource>.FromJson("messages", response.Content);
            foreach (var message in listed.Records)
            {
                if (message.DateCreated is { } created && Utc(created) >= cutoff && matches(message))
                {
                    return new Found(message.Sid, null);
                }

                if (message.DateSent is { } sent && Utc(sent) < cutoff)
                {
                    return Found.Nothing;
                }
            }

            if (!listed.HasNextPage())
            {
                return Found.Nothing;
            }

            request = new Request(global::Twilio.Http.HttpMethod.Get, listed.GetNextPageUrl(Domain.Api));
        }

        return new Found(null, $"Twilio listed more than {MaxPages * PageSize} messages to the recipient since the lost attempt; not deciding.");
    }

    /// <summary>
    /// Whether <paramref name="listed"/> is <paramref name="message"/> as sent to <paramref name="to"/>: an API-created message
    /// with the exact text, or, when it may have gone as a WhatsApp Content template, a body that holds every template variable
    /// (Twilio echoes the rendered template, not its ContentSid or variables).
    /// </summary>
    public static bool Matches(MessageResource listed, string to, OutboundMessage message, bool mayBeTemplate)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(message);
        if (listed.Direction?.ToString() != "outbound-api" || !string.Equals(listed.To, to, StringComparison.OrdinalIgnoreCase) || listed.Body is not { } body)
        {
            return false;
        }

        if (body == message.Content.Text)
        {
            return true;
        }
        var listedBody = WithoutLinkTokens(body);
        return listedBody == WithoutLinkTokens(message.Content.Text)
            || (mayBeTemplate && message.Content.TemplateVariables is { Count: > 0 } variables
                && variables.Values.All(value => listedBody.Contains(WithoutLinkTokens(value), StringComparison.Ordinal)));
    }

    /// <summary>
    /// The text with the buyer links' tokens set aside. A token carries its expiry to the second, so the same message rendered
    /// again for a later attempt differs from the lost one only there; the rest of the text (order number, shop, wording) still
    /// has to be the same.
    /// </summary>
    internal static string WithoutLinkTokens(string text) => LinkToken().Replace(text, "~");

    [GeneratedRegex("(?<=/(?:track|unsubscribe|l)/)[A-Za-z0-9_-]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex LinkToken();

    // The SDK reads Twilio's RFC 2822 dates into DateTime values whose kind depends on the parser; compare in UTC.
    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
}
