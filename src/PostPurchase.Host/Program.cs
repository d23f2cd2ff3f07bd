using PostPurchase.Host;
using PostPurchase.Host.Endpoints;
using PostPurchase.Host.OpenApi;
using PostPurchase.Infrastructure;
using PostPurchase.Infrastructure.Pages;

var builder = WebApplication.CreateBuilder(args);
builder.AddPostPurchaseInfrastructure();
builder.AddHostServices();
builder.AddPostPurchasePages();

var app = builder.Build();
app.UseHostPipeline();
app.MapHealthEndpoints();
app.MapOrderEndpoints();
app.MapAdminEndpoints();
app.MapWebhookEndpoints();
app.MapTwilioWebhooks();
app.MapDevEndpoints();
app.MapApiDocs();
app.MapTrackingPageEndpoints();
app.MapDashboardEndpoints();
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
