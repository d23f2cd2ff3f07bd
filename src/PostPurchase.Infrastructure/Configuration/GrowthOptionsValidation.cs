using Microsoft.Extensions.Options;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Messages;

namespace PostPurchase.Infrastructure.Configuration;

/// <summary>Refuses to start with a bad growth configuration (see <see cref="GrowthPolicyCheck"/>), naming every problem.</summary>
internal sealed class GrowthOptionsValidation : IValidateOptions<PostPurchaseOptions>
{
    public ValidateOptionsResult Validate(string? name, PostPurchaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        MessageComposer? composer;
        try
        {
            composer = new MessageComposer(options.Branding);
        }
        catch (ArgumentException)
        {
            composer = null; // a bad branding colour is reported where the composer is built
        }
        var problems = GrowthPolicyCheck.Problems(options.Policy.Growth, composer);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
