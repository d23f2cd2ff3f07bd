using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Http;

namespace PostPurchase.Infrastructure.Tests.MerchantWebhooks;

[Collection(AzuriteCollection.Name)]
public sealed class MerchantWebhookPublisherTests(AzuriteServer azurite) : IDisposable
{
    private const string Secret = "shop-secret-0123456789";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly WebhookReceiver _shop = new();
    private readonly FakeTimeProvider _time = new(Some.Monday);
    private readonly HttpClient _http = new();

    [Fact]
    public async Task PublishAsync_ShopAnswers200_DeliveredWithVerifiableSignature()
    {
        var (publisher, log) = Create();
        var signal = Cancellation();

        var deliveries = await publisher.PublishAsync(signal, CancellationToken.None);

        var request = Assert.Single(_shop.Received);
        Assert.Equal("POST", request.Method);
        Assert.True(WebhookSignature.Verify(request.Headers[WebhookSignature.HeaderName], Secret, request.Body, _time.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal("cancellation-requested", request.Headers["PostPurchase-Event"]);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("cancellation-requested", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(signal.OrderId, json.RootElement.GetProperty("orderId").GetString());
        Assert.Equal("customer", json.RootElement.GetProperty("data").GetProperty("source").GetString());
        var logged = await log.GetAsync(Assert.Single(deliveries).Id, CancellationToken.None);
        Assert.Equal(WebhookDeliveryStatus.Delivered, logged!.Status);
        Assert.Equal(request.Headers["PostPurchase-Delivery"], logged.Id);
    }

    [Fact]
    public async Task PublishAsync_SameSignalTwice_SentOnce()
    {
        var (publisher, _) = Create();
        var signal = Cancellation();

        await publisher.PublishAsync(signal, CancellationToken.None);
        var second = await publisher.PublishAsync(signal with { At = signal.At.AddMinutes(1) }, CancellationToken.None);

        Assert.Empty(second);
        Assert.Single(_shop.Received);
    }

    [Fact]
    public async Task RetryDueAsync_ShopFailedFirst_RetriesOnlyAfterBackoff()
    {
        var (publisher, log) = Create();
        _shop.AnswerNext(503);

        var first = Assert.Single(await publisher.PublishAsync(Cancellation(), CancellationToken.None));
        Assert.Equal(WebhookDeliveryStatus.Retrying, first.Status);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(30), first.NextAttemptAt);
        Assert.Contains("503", first.LastError, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(29));
        await publisher.RetryDueAsync(CancellationToken.None);
        Assert.Single(_shop.Received);

        _time.Advance(TimeSpan.FromSeconds(1));
        await publisher.RetryDueAsync(CancellationToken.None);
        Assert.Equal(2, _shop.Received.Count);
        var logged = await log.GetAsync(first.Id, CancellationToken.None);
        Assert.Equal(WebhookDeliveryStatus.Delivered, logged!.Status);
        Assert.Equal(2, logged.Attempts);
    }

    [Fact]
    public async Task ReplayAsync_FailedAfterMaxAttempts_DeliversWhenShopIsBack()
    {
        var (publisher, log) = Create(maxAttempts: 2);
        _shop.DefaultStatus = 500;
        var delivery = Assert.Single(await publisher.PublishAsync(Cancellation(), CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1));
        await publisher.RetryDueAsync(CancellationToken.None);
        var failed = await log.GetAsync(delivery.Id, CancellationToken.None);
        Assert.Equal(WebhookDeliveryStatus.Failed, failed!.Status);
        Assert.Null(failed.NextAttemptAt);
        Assert.Contains(failed, await log.ListAsync(50, CancellationToken.None));

        _shop.DefaultStatus = 200;
        var replayed = await publisher.ReplayAsync(delivery.Id, CancellationToken.None);

        Assert.Equal(WebhookDeliveryStatus.Delivered, replayed!.Status);
        Assert.Equal(3, _shop.Received.Count);
        Assert.Equal(_shop.Received[0].Body, _shop.Received[2].Body);
    }

    [Fact]
    public async Task EnqueueAsync_LogsWithoutSending_RetryDueSendsIt()
    {
        var (publisher, log) = Create();

        var queued = Assert.Single(await publisher.EnqueueAsync(Cancellation(), CancellationToken.None));
        Assert.Empty(_shop.Received);
        Assert.Equal(WebhookDeliveryStatus.Pending, (await log.GetAsync(queued.Id, CancellationToken.None))!.Status);

        await publisher.RetryDueAsync(CancellationToken.None);

        Assert.Single(_shop.Received);
        Assert.Equal(WebhookDeliveryStatus.Delivered, (await log.GetAsync(queued.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task PublishAsync_EndpointFiltersEvents_SkipsOtherKinds()
    {
        var (publisher, _) = Create(events: ["return-requested"]);

        var deliveries = await publisher.PublishAsync(Cancellation(), CancellationToken.None);

        Assert.Empty(deliveries);
        Assert.Empty(_shop.Received);
    }

    [Fact]
    public async Task PublishAsync_ShopUnreachable_RetryingWithError()
    {
        var (publisher, _) = Create(url: "http://127.0.0.1:1/hooks");

        var delivery = Assert.Single(await publisher.PublishAsync(Cancellation(), CancellationToken.None));

        Assert.Equal(WebhookDeliveryStatus.Retrying, delivery.Status);
        Assert.StartsWith("Could not reach the shop", delivery.LastError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _shop.Dispose();
        _http.Dispose();
    }

    private static MerchantSignal Cancellation() =>
        new(SignalKind.CancellationRequested, Some.OrderId(), Some.Monday, new Dictionary<string, string> { ["source"] = "customer" });

    private (MerchantWebhookPublisher Publisher, IWebhookDeliveryLog Log) Create(int maxAttempts = 6, List<string>? events = null, string? url = null)
    {
        var log = new TableWebhookDeliveryLog(new TableServiceClient(azurite.ConnectionString));
        var options = new MerchantWebhookOptions
        {
            MaxAttempts = maxAttempts,
            Endpoints = [new MerchantWebhookEndpoint { Url = url ?? _shop.Url, Secret = Secret, Events = events ?? [] }],
        };
        return (new MerchantWebhookPublisher(_http, log, Options.Create(options), _time, NullLogger<MerchantWebhookPublisher>.Instance), log);
    }
}
