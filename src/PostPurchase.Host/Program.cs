using PostPurchase.Host;
using PostPurchase.Host.Endpoints;
using PostPurchase.Host.OpenApi;
using PostPurchase.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPostPurchaseInfrastructure();
builder.AddHostServices();

var app = builder.Build();
app.UseHostPipeline();
app.MapHealthEndpoints();
app.MapOrderEndpoints();
app.MapAdminEndpoints();
app.MapWebhookEndpoints();
app.MapDevEndpoints();
app.MapApiDocs();
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
