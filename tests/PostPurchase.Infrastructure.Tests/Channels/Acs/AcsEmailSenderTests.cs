using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Channels.Acs;
using PostPurchase.Infrastructure.Tests.Channels.Support;

namespace PostPurchase.Infrastructure.Tests.Channels.Acs;

public sealed class AcsEmailSenderTests : IDisposable
{
    private AcsStub _acs = new();

    [Fact]
    public async Task SendAsync_FirstAttempt_SendsTheSignedRequestOnceAndAnswersSentOnAcceptanceWithoutReadingTheStatus()
    {
        _acs.StatusAfterSend[0] = """{"status":"Running"}""";
        using var host = ChannelTestHost.Create(_acs.Settings());
        var message = Messages.Email(subject: "Zamówienie PP-1 potwierdzone", text: "Dziękujemy za zamówienie.", locale: "pl") with { MayHaveBeenSent = false };

        var result = await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        var operationId = AcsOperationId.For(message.Key).ToString();
        Assert.Equal(0, _acs.Server.LogEntries.Count(e => e.RequestMessage.Method == "GET"));
        Assert.Equal(operationId, result.ProviderMessageId);
        var (sentId, body) = Assert.Single(_acs.Sends);
        Assert.Equal(operationId, sentId);
        Assert.Equal("DoNotReply@shop.example", body.GetProperty("senderAddress").GetString());
        Assert.Equal("Zamówienie PP-1 potwierdzone", body.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal("Dziękujemy za zamówienie.", body.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Contains("Dziękujemy", body.GetProperty("content").GetProperty("html").GetString(), StringComparison.Ordinal);
        var to = Assert.Single(body.GetProperty("recipients").GetProperty("to").EnumerateArray());
        Assert.Equal("anna@example.com", to.GetProperty("address").GetString());
        Assert.Equal("Anna de Vries", to.GetProperty("displayName").GetString());
        Assert.Equal("help@shop.example", body.GetProperty("replyTo")[0].GetProperty("address").GetString());
        Assert.False(body.TryGetProperty("headers", out _));
    }

    [Fact]
    public async Task SendAsync_Marketing_AddsOneClickUnsubscribeHeaders()
    {
        using var host = ChannelTestHost.Create(_acs.Settings());
        var message = Messages.Email(purpose: MessagePurpose.Marketing, unsubscribeUrl: "https://shop.example/track/abc/unsubscribe");

        await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

        var headers = Assert.Single(_acs.Sends).Body.GetProperty("headers");
        Assert.Equal("<https://shop.example/track/abc/unsubscribe>", headers.GetProperty("List-Unsubscribe").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("List-Unsubscribe-Post").GetString());
    }

    [Fact]
    public async Task SendAsync_AcceptedBefore_FollowsTheOperationWithoutSendingAgain()
    {
        using var host = ChannelTestHost.Create(_acs.Settings());
        var message = Messages.Email();
        _acs.Operations[AcsOperationId.For(message.Key).ToString()] = """{"status":"Running"}""";

        var result = await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(0, _acs.Posts);
    }

    [Fact]
    public async Task SendAsync_TimeoutAfterAcceptance_ChecksTheStatusAndDoesNotSendTwice()
    {
        _acs.Dispose();
        _acs = new AcsStub(sendDelay: TimeSpan.FromSeconds(6));
        using (var raw = new HttpClient())
        {
            // A cold stub takes seconds to answer its first request; warm it so only the delay counts.
            using var ignored = await raw.GetAsync(new Uri($"{_acs.Server.Url}/warm-up"));
        }
        using var host = ChannelTestHost.Create(_acs.Settings(), timings: ChannelTestHost.Fast with { AttemptTimeout = TimeSpan.FromSeconds(2) });

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Single(_acs.Sends);
    }

    [Fact]
    public async Task SendAsync_ServerErrorThenAccepted_SendsOnceWithTheSameOperationId()
    {
        _acs.SendFailures.Enqueue(500);
        using var host = ChannelTestHost.Create(_acs.Settings());
        var message = Messages.Email();

        var result = await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(AcsOperationId.For(message.Key).ToString(), Assert.Single(_acs.Sends).OperationId);
        Assert.Equal(2, _acs.Posts);
    }

    [Fact]
    public async Task SendAsync_StatusNeverComes_AnswersAtAcceptanceAndARetryFollowsTheOperationWithoutResending()
    {
        _acs.StatusAfterSend[0] = """{"status":"Running"}""";
        using var host = ChannelTestHost.Create(_acs.Settings(), timings: ChannelTestHost.Fast with { AcsPollTimeout = TimeSpan.FromMilliseconds(300) });
        var sender = host.Sender(Channel.Email);
        var message = Messages.Email();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var first = await sender.SendAsync(message with { MayHaveBeenSent = false }, CancellationToken.None);
        var firstTook = started.Elapsed;
        var second = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, first.Outcome);
        Assert.True(firstTook < TimeSpan.FromSeconds(10), $"the send waited {firstTook} for a status");
        Assert.Equal(SendOutcome.Sent, second.Outcome);
        Assert.Equal(first.ProviderMessageId, second.ProviderMessageId);
        Assert.Equal(1, _acs.Posts);
    }

    [Fact]
    public async Task SendAsync_Throttled_ReportsRetryAfterOnePostSoTheOutboxPausesTheChannel()
    {
        _acs.SendFailures.Enqueue(429);
        using var host = ChannelTestHost.Create(_acs.Settings());

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Retry, result.Outcome);
        Assert.Empty(_acs.Sends);
        Assert.Equal(1, _acs.Posts);
    }

    [Fact]
    public async Task SendAsync_RetryOfAnOperationThatFailed_ReturnsFailedWithTheServiceErrorAndSendsNothing()
    {
        using var host = ChannelTestHost.Create(_acs.Settings());
        var message = Messages.Email();
        _acs.Operations[AcsOperationId.For(message.Key).ToString()] = """{"status":"Failed"}""";
        _acs.StatusAfterSend[0] = Fixture.Json("acs-email-operation-failed.example.json").GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText();

        var result = await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Contains("EmailDropped", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, _acs.Posts);
    }

    [Fact]
    public async Task SendAsync_Rejected_ReturnsFailedWithoutRetrying()
    {
        _acs.SendFailures.Enqueue(400);
        using var host = ChannelTestHost.Create(_acs.Settings());

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed, result.Outcome);
        Assert.Equal(1, _acs.Posts);
    }

    [Fact]
    public async Task SendAsync_NoAccessKey_UsesAnEntraIdTokenForCommunicationServices()
    {
        _acs.BearerToken = "entra-token-123";
        var credential = new StaticToken("entra-token-123");
        var settings = _acs.Settings($"endpoint={_acs.Server.Url}/");
        using var host = ChannelTestHost.Create(settings, more: s =>
            s.AddSingleton(new AcsCredentials(AcsConnectionString.Parse(settings.Email.ConnectionString), () => credential)));

        var result = await host.Sender(Channel.Email).SendAsync(Messages.Email(), CancellationToken.None);

        Assert.Equal(SendOutcome.Sent, result.Outcome);
        Assert.Equal(["https://communication.azure.com/.default"], credential.Scopes);
    }

    private sealed class StaticToken(string token) : TokenCredential
    {
        public string[] Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken(token, DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    public void Dispose() => _acs.Dispose();
}
