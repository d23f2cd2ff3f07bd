using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Studio;

/// <summary>Registers what the studio's handlers need in either runtime.</summary>
public static class StudioRegistration
{
    /// <summary>Adds the settings store, the test-send limit and the pages' anti-forgery (the Function App has no other page registration).</summary>
    public static IHostApplicationBuilder AddPostPurchaseStudio(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddStudioSettings();
        builder.Services.AddSingleton<TestSendLimiter>();
        PagesRegistration.AddPageAntiforgery(builder.Services);
        return builder;
    }
}
