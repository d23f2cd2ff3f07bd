using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Studio;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using PostPurchase.Web;
using static PostPurchase.Functions.Tests.Support.DurableTimelineHost;

namespace PostPurchase.Functions.Tests.Studio;

/// <summary>A version saved through the self-hosted runtime's web surface is what the Function App's handlers and orchestrations use.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StudioAcrossRuntimesTests(AzuriteServer azurite)
{
    private const string ApiKey = "studio-across-runtimes-key-0123";
    private static readonly ActivityRetry FastRetry = new(3, TimeSpan.FromSeconds(1), 1.0, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task PutThroughTheHost_FunctionAppHandlersAndRunningOrchestrationUseTheNewVersion()
    {
        await using var functions = await StartAsync(azurite.ConnectionString, TimelinePolicy.Default, FastRetry);
        var running = OrderBuilder.Apparel().WithId(Some.OrderId()).PlacedAt(Time.GetUtcNow()).For(Some.Customer("nl")).Build();
        await functions.Workflows.StartAsync(running, CancellationToken.None);
        await EventuallyAsync("the confirmation of the running order", () => functions.Email.Sent(Intent.OrderConfirmation).SingleOrDefault());
        await using var host = await StartHostAsync(functions.StoragePrefix);

        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/studio/settings") { Content = new StringContent(Document(), Encoding.UTF8, "application/json") };
        put.Headers.Add("x-functions-key", ApiKey);
        using var saved = await host.Client.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"v1\"", saved.Headers.ETag?.Tag);
        var (status, etag, body) = await GetThroughTheFunctionAppAsync(functions);
        Assert.Equal((200, "\"v1\""), (status, etag));
        Assert.Contains("Onderweg {{ order.number }}", body, StringComparison.Ordinal);

        // The running order's next step (its first scan) is decided and rendered with version 1: no shipped SMS, the new subject.
        var parcel = new ShipmentRef("postnl", Some.TrackingNumber());
        Assert.True(await functions.Workflows.RaiseAsync(running.OrderId, new ShipmentRegistered(parcel), CancellationToken.None));
        Assert.True(await functions.Workflows.RaiseAsync(running.OrderId, new TrackingUpdated(new TrackingEvent(
            "aftership", "evt-studio-1", parcel.Carrier, parcel.TrackingNumber, TrackingStatus.InTransit, "InTransit", Time.GetUtcNow())), CancellationToken.None));
        var shipped = await EventuallyAsync("the shipped email", () => functions.Email.Sent(Intent.Shipped).SingleOrDefault());
        Assert.Equal($"Onderweg {running.OrderId}", shipped.Content.Subject);
        var decided = await functions.SavedAsync(running.OrderId, "the shipped decision", s => s.State.Messages.Any(m => m.Intent == Intent.Shipped));
        Assert.DoesNotContain(decided.State.Messages, m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
        Assert.Equal(1, decided.State.Messages.Single(m => m.Intent == Intent.Shipped && m.Channel == Channel.Email).SettingsVersion);
        Assert.Empty(functions.Sms.Sent(Intent.Shipped));
    }

    private static string Document() => """
        {
          "policy": { "channelsOff": [ { "intent": "shipped", "channel": "sms" } ] },
          "templates": { "shipped.email.nl.subject": "Onderweg {{ order.number }}" }
        }
        """;

    /// <summary>The Function App's own composition (as its Program.cs) on the same tables, asked through its HTTP function.</summary>
    private async Task<(int Status, string? ETag, string Body)> GetThroughTheFunctionAppAsync(DurableTimelineHost functions)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("PostPurchase:Storage", azurite.ConnectionString), new("PostPurchase:ApiKey", ApiKey)]);
        builder.Services.AddSingleton(new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), functions.StoragePrefix));
        builder.AddPostPurchaseFunctionsApp();
        builder.Services.AddLogging();
        await using var services = builder.Services.BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = "GET";
        http.Request.Path = "/api/studio/settings";
        http.Request.Headers["x-functions-key"] = ApiKey;
        http.Response.Body = new MemoryStream();
        var context = Mock.Of<FunctionContext>(c => c.InstanceServices == scope.ServiceProvider && c.CancellationToken == CancellationToken.None);

        var action = await new StudioFunctions().GetStudioSettings(http.Request, functions.Client, context);
        await action.ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, http.Response.Headers.ETag.ToString(), await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    /// <summary>The self-hosted runtime's web surface (its composition: shared services and the Web project) on loopback, on the same tables.</summary>
    private async Task<RunningHost> StartHostAsync(string prefix)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection([new("PostPurchase:Storage", azurite.ConnectionString), new("PostPurchase:ApiKey", ApiKey)]);
        builder.Services.AddSingleton(new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), prefix));
        builder.AddPostPurchaseInfrastructure();
        builder.AddPostPurchaseWeb();
        var app = builder.Build();
        app.MapPostPurchaseWeb();
        await app.StartAsync();
        var address = app.Urls.First();
        return new RunningHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private sealed record RunningHost(WebApplication App, HttpClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
