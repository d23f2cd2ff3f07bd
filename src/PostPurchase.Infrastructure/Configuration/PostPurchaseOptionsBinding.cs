using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PostPurchase.Infrastructure.Configuration;

/// <summary>Binds the <c>PostPurchase</c> section to <see cref="PostPurchaseOptions"/> exactly once, whichever registration asks first.</summary>
/// <remarks>The configuration binder appends to lists on every pass, so a second binding would double every list setting (category rules, growth arms).</remarks>
internal sealed class PostPurchaseOptionsBinding
{
    /// <summary>Adds the binding unless an earlier registration did.</summary>
    public static OptionsBuilder<PostPurchaseOptions> Ensure(IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<PostPurchaseOptions>();
        if (builder.Services.Any(d => d.ServiceType == typeof(PostPurchaseOptionsBinding)))
        {
            return options;
        }
        builder.Services.AddSingleton<PostPurchaseOptionsBinding>();
        return options.Bind(builder.Configuration.GetSection(PostPurchaseOptions.Section));
    }
}
