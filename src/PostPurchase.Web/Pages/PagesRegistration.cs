using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Web.Security.KeyRing;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages;

/// <summary>Registers what the tracking page and the dashboard need: options, anti-forgery on the shared key ring, rate limits, the order catalogue, outgoing webhooks.</summary>
public static class PagesRegistration
{
    /// <summary>The anti-forgery cookie of the pages.</summary>
    public const string AntiforgeryCookie = "pp_af";

    /// <summary>Adds the pages' services; call after <c>AddPostPurchaseInfrastructure</c>.</summary>
    public static IHostApplicationBuilder AddPostPurchasePages(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PagesOptions>()
            .Bind(builder.Configuration.GetSection(PagesOptions.Section))
            .Validate(o => o.StoreCreditBonusPercent is >= 0 and <= 100, "PostPurchase:Pages:StoreCreditBonusPercent must be between 0 and 100.")
            .Validate(o => o.PageRequestsPerMinute > 0 && o.ActionsPerMinute > 0, "PostPurchase:Pages rate limits must be positive.")
            .ValidateOnStart();
        builder.Services.AddSharedKeyRing();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });
        builder.Services.AddSingleton<PageRateLimiter>();
        // The table the read models are written to (with the storage account's name prefix, when one is set).
        builder.Services.AddSingleton<IOrderCatalog>(sp => new TableOrderCatalog(
            sp.GetService<StorageAccount>()?.Orders
                ?? (sp.GetService<TableServiceClient>() ?? sp.GetRequiredService<StorageClientFactory>().CreateTableServiceClient()).GetTableClient("Orders"),
            sp.GetRequiredService<IOrderReadModelStore>()));
        builder.AddMerchantWebhooks();
        return builder;
    }

}
