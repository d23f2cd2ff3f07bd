using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.OpenApi;

namespace PostPurchase.Functions.Http;

/// <summary>The OpenAPI document and the API reference page: the shared <see cref="ApiDocs"/>, the same document the self-hosted runtime serves.</summary>
public sealed class ApiDocsFunctions
{
    /// <summary>GET /openapi/v1.json.</summary>
    [Function(nameof(OpenApiDocument))]
    public Task<IActionResult> OpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, ApiDocs.DocumentAsync);

    /// <summary>GET /scalar/{*path}: the API reference page and its scripts (in Development, as on the self-hosted runtime).</summary>
    [Function(nameof(ApiReference))]
    public Task<IActionResult> ApiReference(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "scalar/{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, ApiDocs.ReferenceAsync);
}
