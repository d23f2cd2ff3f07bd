using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PostPurchase.Functions;
using PostPurchase.Functions.Http;

// The Azure runtime: the same shared services and web handlers as the self-hosted runtime, with each order's timeline
// as a Durable Functions orchestration (the Durable extension registers itself; no call is needed for it here).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpProblemMiddleware>();
builder.AddPostPurchaseFunctionsApp();
builder.Build().Run();
