namespace PostPurchase.Web.Studio;

/// <summary>Registers what the studio's handlers need in either runtime.</summary>
public static class StudioRegistration
{
    /// <summary>Adds the test-send limit; the settings store comes with <c>AddPostPurchaseInfrastructure</c>, sign-in and anti-forgery with the dashboard's pages.</summary>
    public static IHostApplicationBuilder AddPostPurchaseStudio(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TestSendLimiter>();
        return builder;
    }
}
