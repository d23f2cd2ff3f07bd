using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.Growth;
using PostPurchase.Web.Pages.Dashboard.Experiments;

namespace PostPurchase.Functions.Http;

/// <summary>Repeat purchase routes, the same shared handlers as the self-hosted runtime: measured links, unsubscribe, the A/B test pages.</summary>
public static class GrowthFunctions
{
    /// <summary>GET /l/{token}: records the click on the order's timeline, then redirects.</summary>
    [Function(nameof(FollowMeasuredLink))]
    public static Task<IActionResult> FollowMeasuredLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "l/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => MeasuredLinkHandler.FollowAsync(http, token));

    /// <summary>GET /unsubscribe/{token}: asks whether to stop marketing.</summary>
    [Function(nameof(ShowUnsubscribe))]
    public static Task<IActionResult> ShowUnsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => UnsubscribeHandler.ShowAsync(http, token));

    /// <summary>POST /unsubscribe/{token}: withdraws marketing consent (also the mail client's one-click unsubscribe).</summary>
    [Function(nameof(Unsubscribe))]
    public static Task<IActionResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => UnsubscribeHandler.UnsubscribeAsync(http, token));

    /// <summary>GET /experiments: the merchant's A/B tests.</summary>
    [Function(nameof(ListExperiments))]
    public static Task<IActionResult> ListExperiments(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "experiments")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, ExperimentsHandler.ListAsync);

    /// <summary>GET /experiments/{id}: one A/B test per arm, with whether the difference is real yet.</summary>
    [Function(nameof(ShowExperiment))]
    public static Task<IActionResult> ShowExperiment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "experiments/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => ExperimentsHandler.ShowAsync(http, id));
}
