using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PostPurchase.Host.Tests.Support;

/// <summary>Twilio for the Host: a local stand-in for its REST API that only accepts our basic auth, and signed inbound webhooks as Twilio sends them.</summary>
internal sealed class TwilioApi : IDisposable
{
    public const string AccountSid = "ACbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string AuthToken = "host-twilio-token-5d2e8b";
    public const string From = "+3197010000000";

    public TwilioApi()
    {
        var auth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost().WithHeader("Authorization", auth))
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "twilio-message-create-201.json"))));
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public static string MessagesPath => $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    /// <summary>The Host settings that send texts through this stub and check webhooks with <see cref="AuthToken"/>.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["PostPurchase:Twilio:AccountSid"] = AccountSid,
        ["PostPurchase:Twilio:AuthToken"] = AuthToken,
        ["PostPurchase:Twilio:From"] = From,
        ["PostPurchase:Twilio:BaseUrl"] = Server.Url!,
    };

    /// <summary>Every request the stub received, as (path, Authorization header, form fields).</summary>
    public IReadOnlyList<(string Path, string? Authorization, Dictionary<string, string> Form)> Received =>
        Server.LogEntries.Select(e => (
            e.RequestMessage.Path,
            e.RequestMessage.Headers is { } headers && headers.TryGetValue("Authorization", out var auth) ? auth.FirstOrDefault() : null,
            QueryHelpers.ParseQuery(e.RequestMessage.Body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal)))
        .ToList();

    /// <summary>An inbound text POSTed to the Host, signed over <paramref name="url"/> (the exact URL the Host sees) as Twilio signs it.</summary>
    public static HttpRequestMessage Inbound(Uri url, string from, string body, string messageSid)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("ToCountry", "NL"), new("SmsMessageSid", messageSid), new("NumMedia", "0"), new("MessageSid", messageSid),
            new("AccountSid", AccountSid), new("From", from), new("To", From), new("Body", body), new("NumSegments", "1"),
        };
        return Signed(url, url.ToString(), form);
    }

    /// <summary>A form POST to <paramref name="postTo"/>, signed over <paramref name="signedUrl"/> (the URL Twilio was given).</summary>
    public static HttpRequestMessage Signed(Uri postTo, string signedUrl, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, postTo) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(signedUrl, form));
        return request;
    }

    // Twilio's scheme: the URL, then every field as name+value sorted by name; HMAC-SHA1 with the auth token, base64.
    private static string Sign(string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }
#pragma warning disable CA5350 // Twilio defines its webhook signature as HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(AuthToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    public void Dispose() => Server.Dispose();
}
