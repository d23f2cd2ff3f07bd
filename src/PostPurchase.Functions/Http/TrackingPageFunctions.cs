using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.Endpoints;

namespace PostPurchase.Functions.Http;

/// <summary>The buyer's tracking page, its self-service actions and assets: the shared <see cref="TrackingPageHandlers"/>.</summary>
public sealed class TrackingPageFunctions
{
    /// <summary>GET /track/{token}: the tracking page.</summary>
    [Function(nameof(TrackingPage))]
    public Task<IActionResult> TrackingPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "track/{token}")] HttpRequest request,
        string token, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => TrackingPageHandlers.GetPageAsync(http, token));

    /// <summary>GET /track/{token}/review: the review link of a message.</summary>
    [Function(nameof(TrackingReview))]
    public Task<IActionResult> TrackingReview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "track/{token}/review")] HttpRequest request,
        string token, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => TrackingPageHandlers.OpenReviewAsync(http, token));

    /// <summary>POST /track/{token}/cancel: the buyer cancels an unshipped order.</summary>
    [Function(nameof(TrackingCancel))]
    public Task<IActionResult> TrackingCancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "track/{token}/cancel")] HttpRequest request,
        string token, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => TrackingPageHandlers.ActionAsync(http, token, "cancel"));

    /// <summary>POST /track/{token}/return: the buyer asks for a return or an exchange.</summary>
    [Function(nameof(TrackingReturn))]
    public Task<IActionResult> TrackingReturn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "track/{token}/return")] HttpRequest request,
        string token, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => TrackingPageHandlers.ActionAsync(http, token, "return"));

    /// <summary>POST /track/{token}/rate: the buyer's satisfaction score.</summary>
    [Function(nameof(TrackingRate))]
    public Task<IActionResult> TrackingRate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "track/{token}/rate")] HttpRequest request,
        string token, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => TrackingPageHandlers.ActionAsync(http, token, "rate"));

    /// <summary>POST /track/{token}/consent: the buyer's SMS and WhatsApp consent.</summary>
    [Function(nameof(TrackingConsent))]
    public Task<IActionResult> TrackingConsent(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "track/{token}/consent")] HttpRequest request,
        string token, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => TrackingPageHandlers.ActionAsync(http, token, "consent"));

    /// <summary>GET /assets/{name}: the pages' stylesheet and script.</summary>
    [Function(nameof(PageAsset))]
    public Task<IActionResult> PageAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{name}")] HttpRequest request,
        string name, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => TrackingPageHandlers.GetAssetAsync(http, name));
}
