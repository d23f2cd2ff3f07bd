using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;
using PostPurchase.Web.Webhooks;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Testing;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Tests.Webhooks;

/// <summary>The Twilio webhook endpoints on a real loopback port, mapped exactly as the Host maps them.</summary>
internal sealed class TwilioWebhookServer : IAsyncDisposable
{
    public const string AuthToken = "webhook-auth-token-91c2";

    private readonly WebApplication _app;

    private TwilioWebhookServer(WebApplication app, RecordingWorkflows workflows, string baseUrl)
    {
        _app = app;
        Workflows = workflows;
        BaseUrl = baseUrl;
    }

    public RecordingWorkflows Workflows { get; }

    public string BaseUrl { get; }

    public HttpClient Client { get; } = new();

    /// <summary>Starts the endpoints; <paramref name="publicBaseUrl"/> null means the server's own address.</summary>
    public static async Task<TwilioWebhookServer> StartAsync(RecordingWorkflows workflows, string? publicBaseUrl = null)
    {
        var settings = new PostPurchaseOptions
        {
            Twilio = new TwilioOptions { AccountSid = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", AuthToken = AuthToken, From = "+3197010000000" },
            Branding = new Core.Messages.Branding { ShopName = "Zeeman & Zonen", SupportEmail = "help@shop.example", SupportPhone = "+31201234567" },
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Options.Create(settings));
        builder.Services.AddSingleton<IOrderWorkflows>(workflows);
        builder.Services.AddSingleton<IOrderDirectory>(workflows);
        builder.Services.AddChannels(settings);
        var app = builder.Build();
        app.MapPost("/api/webhooks/twilio/status", TwilioWebhookHttp.StatusAsync);
        app.MapPost("/api/webhooks/twilio/inbound", TwilioWebhookHttp.InboundAsync);
        await app.StartAsync();
        var own = app.Urls.First().TrimEnd('/');
        settings.PublicBaseUrl = publicBaseUrl ?? own;
        return new TwilioWebhookServer(app, workflows, own);
    }

    /// <summary>Posts <paramref name="form"/> to <paramref name="pathAndQuery"/>, signed for <paramref name="signedUrl"/> (default: the URL posted to).</summary>
    public async Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form, string? signedUrl = null, string? signature = null, string token = AuthToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl + pathAndQuery)) { Content = new FormUrlEncodedContent(form) };
        var sig = signature ?? TwilioSignatureValidator.Compute(token, signedUrl ?? BaseUrl + pathAndQuery, form);
        if (sig.Length > 0)
        {
            request.Headers.Add("X-Twilio-Signature", sig);
        }
        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
