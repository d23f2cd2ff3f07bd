using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>Registers outgoing merchant webhooks: options, delivery log, publisher and the retry dispatcher.</summary>
public static class MerchantWebhookRegistration
{
    /// <summary>Adds <see cref="IMerchantWebhooks"/> and <see cref="IWebhookDeliveryLog"/>; endpoints come from <c>PostPurchase:Webhooks</c>.</summary>
    public static IHostApplicationBuilder AddMerchantWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MerchantWebhookOptions>()
            .Bind(builder.Configuration.GetSection(MerchantWebhookOptions.Section))
            .Validate(o => o.Endpoints.All(e => Uri.TryCreate(e.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)),
                "Every PostPurchase:Webhooks:Endpoints entry needs an absolute http(s) Url.")
            .Validate(o => o.Endpoints.All(e => e.Secret.Length >= 16),
                "Every PostPurchase:Webhooks:Endpoints entry needs a Secret of at least 16 characters.")
            .Validate(o => o.MaxAttempts >= 1, "PostPurchase:Webhooks:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddStorageClients();
        builder.Services.AddSingleton<IWebhookDeliveryLog>(sp => new TableWebhookDeliveryLog(
            sp.GetService<TableServiceClient>() ?? sp.GetRequiredService<StorageClientFactory>().CreateTableServiceClient()));
        builder.Services.AddSingleton<WebhookNudge>();
        builder.Services.AddHttpClient<IMerchantWebhooks, MerchantWebhookPublisher>();
        builder.Services.AddHostedService<MerchantWebhookDispatcher>();
        return builder;
    }

}
