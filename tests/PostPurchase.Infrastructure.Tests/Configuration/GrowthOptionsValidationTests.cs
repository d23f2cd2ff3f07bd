using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Tests.Configuration;

public sealed class GrowthOptionsValidationTests
{
    private static IServiceProvider Build(Dictionary<string, string?> growth)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(growth.Append(new("PostPurchase:Storage", "UseDevelopmentStorage=true")));
        builder.AddPostPurchaseInfrastructure();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Bind_TestsWrittenWithWireNames_BindToThePolicy()
    {
        var services = Build(new()
        {
            ["PostPurchase:Policy:Growth:Experiments:0:Id"] = "reminder-copy",
            ["PostPurchase:Policy:Growth:Experiments:0:Intent"] = "replenishment-reminder",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:0:Name"] = "control",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:1:Name"] = "short",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:1:Strings:nl.subject"] = "Bijna op, {{ customer.first_name }}?",
            ["PostPurchase:Policy:Growth:Replenishment:SkuDays:SERUM-30"] = "60",
            ["PostPurchase:Policy:Growth:Replenishment:Reorder:Kind"] = "shopify",
            ["PostPurchase:Policy:Growth:Replenishment:Reorder:ShopUrl"] = "https://shop.example",
            ["PostPurchase:Policy:TextIntents:0"] = "win-back",
        });

        var policy = services.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.Policy;

        var test = Assert.Single(policy.Growth.Experiments);
        Assert.Equal((Intent.ReplenishmentReminder, "short"), (test.Intent, test.Arms[1].Name));
        Assert.Equal("Bijna op, {{ customer.first_name }}?", test.Arms[1].Strings["nl.subject"]);
        Assert.Equal(60, policy.Growth.Replenishment.SkuDays["serum-30"]);
        Assert.Equal(ReorderLinkKind.Shopify, policy.Growth.Replenishment.Reorder.Kind);
        Assert.Contains(Intent.WinBack, policy.TextIntents);
    }

    [Fact]
    public void Validate_ArmStringThatDoesNotRender_RefusesNamingTheSetting()
    {
        var services = Build(new()
        {
            ["PostPurchase:Policy:Growth:Experiments:0:Id"] = "review-copy",
            ["PostPurchase:Policy:Growth:Experiments:0:Intent"] = "review-request",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:0:Name"] = "typo",
            ["PostPurchase:Policy:Growth:Experiments:0:Arms:0:Strings:subject"] = "{{ order.numbr }}",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostPurchaseOptions>>().Value);

        Assert.Contains("'review-copy' arm 'typo'", error.Message, StringComparison.Ordinal);
        Assert.Contains("t.subject", error.Message, StringComparison.Ordinal);
    }
}
