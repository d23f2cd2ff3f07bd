using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Messages;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure;

/// <summary>Wires configuration, the clock, storage, links, message composition, channels and the embedded engine.</summary>
public static class InfrastructureRegistration
{
    private const string DevelopmentSigningKey = "postpurchase-development-only-signing-key";

    /// <summary>Adds everything the Host needs below its endpoints; fails fast with a clear message on bad configuration.</summary>
    public static IHostApplicationBuilder AddPostPurchaseInfrastructure(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(PostPurchaseOptions.Section);
        PostPurchaseOptionsBinding.Ensure(builder)
            .Validate(o => o.AdmissionTargetMs >= 1, "PostPurchase:AdmissionTargetMs (env PostPurchase__AdmissionTargetMs) must be at least 1 millisecond.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PostPurchaseOptions>, GrowthOptionsValidation>();
        var settings = section.Get<PostPurchaseOptions>() ?? new PostPurchaseOptions();

        AddClock(builder, settings.Clock);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<StorageRequestCounter>();
        builder.Services.AddStorageClients();
        builder.Services.TryAddSingleton(sp => new StorageAccount(sp.GetRequiredService<StorageClientFactory>(), sp.GetRequiredService<StorageRequestCounter>()));
        builder.Services.TryAddSingleton(sp => new CustomerLinks(SigningKey(builder.Environment, settings), settings.PublicBaseUrl, sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<CustomerLinks>().Measured);
        builder.Services.AddBuyerProfiles(() => SigningKey(builder.Environment, settings));
        builder.Services.TryAddSingleton(sp => new MessageComposer(sp.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.Branding));
        builder.Services.TryAddSingleton(sp =>
        {
            var composer = sp.GetRequiredService<MessageComposer>();
            var links = sp.GetRequiredService<CustomerLinks>();
            return new EngineOptions
            {
                Policy = sp.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.Policy,
                Render = (message, state) => composer.Compose(message, state, links.For(state.Order.OrderId)),
                Settings = async ct =>
                {
                    var live = await sp.GetRequiredService<IStudioSettings>().CurrentAsync(ct).ConfigureAwait(false);
                    return new EngineSettings(live.Policy, (message, state) => live.Composer.Compose(message, state, links.For(state.Order.OrderId)), live.Branding, live.WhatsAppTemplateFor);
                },
                UnsubscribeUrl = orderId => links.For(orderId).UnsubscribeUrl,
                StatusCallbackUrl = $"{settings.PublicBaseUrl.TrimEnd('/')}/api/webhooks/twilio/status",
                MaxBacklog = settings.MaxBacklog,
                AdmissionTarget = TimeSpan.FromMilliseconds(settings.AdmissionTargetMs),
            };
        });
        builder.Services.AddStudioSettings();
        builder.AddChannels();
        builder.Services.AddEmbeddedEngine();
        builder.Services.TryAddSingleton<IOrderDataEraser, OrderDataEraser>();
        builder.Services.AddShops();
        builder.Services.AddHostedService<EngineService>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }

    private static void AddClock(IHostApplicationBuilder builder, string clock)
    {
        if (string.Equals(clock, "Simulated", StringComparison.OrdinalIgnoreCase))
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException(
                    "PostPurchase:Clock=Simulated is refused in Production: a simulated clock would send messages at the wrong time. " +
                    "Remove the setting, or run with ASPNETCORE_ENVIRONMENT=Development to preview timelines.");
            }

            var simulated = new SimulatedClock(TimeProvider.System.GetUtcNow());
            builder.Services.TryAddSingleton(simulated);
            builder.Services.TryAddSingleton<TimeProvider>(simulated);
            // Registered before the engine's loops, so they start at the restored time.
            builder.Services.TryAddSingleton<SimulatedClockStore>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulatedClockStore>());
            return;
        }

        if (!string.Equals(clock, "System", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"PostPurchase:Clock must be 'System' or 'Simulated', not '{clock}'.");
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
    }

    private static string SigningKey(IHostEnvironment environment, PostPurchaseOptions settings) =>
        settings.SigningKey is { Length: > 0 } key ? key
        : environment.IsDevelopment() ? DevelopmentSigningKey
        : throw new InvalidOperationException(
            "PostPurchase:SigningKey is required outside Development (at least 16 characters); it signs the links in every message.");
}
