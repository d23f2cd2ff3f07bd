using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PostPurchase.Functions;
using PostPurchase.Functions.Http;
using PostPurchase.Infrastructure;
using PostPurchase.Web.Pages;

// The Azure runtime: the same shared services as the self-hosted runtime, with each order's timeline as a
// Durable Functions orchestration (the Durable extension registers itself; no call is needed for it here).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpProblemMiddleware>();
builder.AddPostPurchaseInfrastructure();
// The pages' services (rate limits, anti-forgery, the order catalogue) and the merchant webhooks they include.
builder.AddPostPurchasePages();
builder.AddDurableTimelines();
builder.Build().Run();
