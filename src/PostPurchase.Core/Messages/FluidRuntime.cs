using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace PostPurchase.Core.Messages;

/// <summary>The one Liquid parser and option set of message composition: strict variables and filters, bounded loops.</summary>
internal static class FluidRuntime
{
    public static FluidParser Parser { get; } = new();

    public static TemplateOptions Options { get; } = new() { StrictVariables = true, StrictFilters = true, MaxSteps = 200_000 };

    /// <summary>Escapes markup characters only, so accented letters stay readable in the HTML source.</summary>
    public static HtmlEncoder Html { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static IFluidTemplate Parse(string key, string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new MessageTemplateException(key, $"does not parse: {error}");

    public static TemplateContext Context(IReadOnlyDictionary<string, object?> model, string locale) =>
        new(model, Options) { CultureInfo = LocaleFormat.Culture(locale) };

    public static string Render(string key, IFluidTemplate template, IReadOnlyDictionary<string, object?> model, string locale, bool html) =>
        Render(key, template, Context(model, locale), html);

    /// <remarks>An include reaches no file (there is no file provider): it fails as an <see cref="IOException"/>, reported like any other fault.</remarks>
    public static string Render(string key, IFluidTemplate template, TemplateContext context, bool html)
    {
        try
        {
            return html ? template.Render(context, Html) : template.Render(context);
        }
        catch (Exception e) when (e is FluidException or InvalidOperationException or ArgumentException or FormatException or IOException)
        {
            throw new MessageTemplateException(key, e.Message, e);
        }
    }
}
