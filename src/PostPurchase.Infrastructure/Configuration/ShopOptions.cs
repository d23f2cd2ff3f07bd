using PostPurchase.Core.Shops.Mapping;

namespace PostPurchase.Infrastructure.Configuration;

/// <summary>The <c>PostPurchase:Shops</c> section: each platform's secrets and API access, and how shop orders become timelines.</summary>
public sealed class ShopOptions
{
    /// <summary>Shopify webhooks and Admin API.</summary>
    public ShopifyOptions Shopify { get; set; } = new();

    /// <summary>WooCommerce webhooks and REST API.</summary>
    public WooCommerceOptions WooCommerce { get; set; } = new();

    /// <summary>Shopware 6 app webhooks and Admin API.</summary>
    public ShopwareOptions Shopware { get; set; } = new();

    /// <summary>Language of buyers whose order names none of en, nl, de, fr, pl.</summary>
    public string DefaultLocale { get; set; } = "en";

    /// <summary>Time zone of buyers whose shipping country (and region) does not settle it.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Days after placement the shop promises to ship by (shops send no promise).</summary>
    public int ShipWithinDays { get; set; } = 2;

    /// <summary>Days after placement the shop promises delivery by.</summary>
    public int DeliverWithinDays { get; set; } = 5;

    /// <summary>Category rules (SKU prefix, vendor, tag, title keyword, product type -> category), first match wins.</summary>
    public List<CategoryRuleOptions> Categories { get; set; } = [];

    /// <summary>How often the reconciliation poll runs (WooCommerce REST, Shopify catch-up).</summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back the first reconciliation looks.</summary>
    public TimeSpan FirstLookBack { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// An order that first reaches PostPurchase longer than this after it was placed gets no timeline (an older order changed in the
    /// shop, such as one from before the shop was connected); zero or less: no limit.
    /// </summary>
    public TimeSpan MaxOrderAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The mapping choices as the pure planner takes them.</summary>
    public ShopMapping ToMapping() => new(DefaultLocale, DefaultTimeZone, ShipWithinDays, DeliverWithinDays,
        [.. Categories.Where(c => !string.IsNullOrWhiteSpace(c.Category))
            .Select(c => new CategoryRule(c.Category!.Trim(), c.SkuPrefix, c.Vendor, c.Tag, c.TitleKeyword, c.ProductType))],
        MaxOrderAge > TimeSpan.Zero ? MaxOrderAge : null);
}

/// <summary>One category rule as configured (<c>PostPurchase__Shops__Categories__0__SkuPrefix=SERUM-</c>, <c>__Category=skincare</c>).</summary>
public sealed class CategoryRuleOptions
{
    /// <summary>The category given (a key of <c>Policy:Review:CategoryDays</c>).</summary>
    public string? Category { get; set; }

    /// <summary>SKU prefix to match.</summary>
    public string? SkuPrefix { get; set; }

    /// <summary>Vendor to match.</summary>
    public string? Vendor { get; set; }

    /// <summary>Product tag to match.</summary>
    public string? Tag { get; set; }

    /// <summary>Word or phrase in the line's name to match.</summary>
    public string? TitleKeyword { get; set; }

    /// <summary>Platform product type to match.</summary>
    public string? ProductType { get; set; }
}

/// <summary>Shopify settings.</summary>
public sealed class ShopifyOptions
{
    /// <summary>The app's client secret, or the store's notification signing key for webhooks made under Settings > Notifications.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The store's domain (<c>nordic-goods.myshopify.com</c>), for the Admin API.</summary>
    public string? ShopDomain { get; set; }

    /// <summary>Admin API access token (<c>shpat_...</c>, scopes read_orders and read_products); enables product types and the catch-up.</summary>
    public string? AdminToken { get; set; }

    /// <summary>The Admin API version.</summary>
    public string ApiVersion { get; set; } = "2025-10";

    /// <summary>Admin API base URL; defaults to <c>https://{ShopDomain}</c> (tests point it at a local stub).</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The Admin API's base, or null when no token or domain is set.</summary>
    public Uri? AdminBase => string.IsNullOrWhiteSpace(AdminToken) ? null
        : ApiBaseUrl is { Length: > 0 } b ? new Uri(b.TrimEnd('/') + "/")
        : ShopDomain is { Length: > 0 } d ? new Uri($"https://{d.Trim().TrimEnd('/')}/") : null;
}

/// <summary>WooCommerce settings.</summary>
public sealed class WooCommerceOptions
{
    /// <summary>The secret entered on each webhook (WooCommerce > Settings > Advanced > Webhooks).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The store's URL (<c>https://shop.example</c>), for the REST API poll.</summary>
    public string? StoreUrl { get; set; }

    /// <summary>REST API consumer key (<c>ck_...</c>, read access).</summary>
    public string? ConsumerKey { get; set; }

    /// <summary>REST API consumer secret (<c>cs_...</c>).</summary>
    public string? ConsumerSecret { get; set; }

    /// <summary>True when the REST poll can run.</summary>
    public bool CanPoll => !string.IsNullOrWhiteSpace(StoreUrl) && !string.IsNullOrWhiteSpace(ConsumerKey) && !string.IsNullOrWhiteSpace(ConsumerSecret);
}

/// <summary>Shopware 6 settings.</summary>
public sealed class ShopwareOptions
{
    /// <summary>The shop secret the app's registration handed the shop; it signs every webhook.</summary>
    public string? ShopSecret { get; set; }

    /// <summary>The shop's URL (<c>https://shop.example</c>), for the Admin API.</summary>
    public string? ShopUrl { get; set; }

    /// <summary>Admin API client id (an integration's access key, or the app's apiKey).</summary>
    public string? ClientId { get; set; }

    /// <summary>Admin API client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>True when orders can be read from the Admin API.</summary>
    public bool CanRead => !string.IsNullOrWhiteSpace(ShopUrl) && !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
