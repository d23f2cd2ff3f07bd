using System.Globalization;
using System.Text;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>Server-rendered SVG charts: no script, no library, readable by screen readers through title and a data table fallback.</summary>
internal static class SvgChart
{
    private static readonly string[] Palette = ["#1f6feb", "#d1242f", "#1a7f37", "#9a6700", "#8250df", "#bf3989", "#0a7a8a", "#57606a", "#fb8500", "#6e7781"];

    /// <summary>Horizontal bars, one per label.</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, double Value)> bars, string unit = "")
    {
        const int rowHeight = 26, labelWidth = 170, width = 520;
        var height = Math.Max(1, bars.Count) * rowHeight + 10;
        var max = bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), 1e-9);
        var svg = Open(id, title, width, height);
        if (bars.Count == 0)
        {
            svg.Append("<text x=\"4\" y=\"20\" font-size=\"13\">—</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var y = i * rowHeight + 4;
            var w = (width - labelWidth - 70) * value / max;
            svg.Append(Inv($"<text x=\"0\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1a1a1a\">{Html.E(Trim(label))}</text>"))
                .Append(Inv($"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{rowHeight - 8}\" fill=\"{Palette[i % Palette.Length]}\" data-value=\"{value:0.##}\"><title>{Html.E(label)}: {value:0.##}{unit}</title></rect>"))
                .Append(Inv($"<text x=\"{labelWidth + w + 6:0.#}\" y=\"{y + 15}\" font-size=\"13\" fill=\"#1a1a1a\">{value:0.##}{Html.E(unit)}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Stacked columns per day, one colour per series, with a legend.</summary>
    public static string StackedColumns(string id, string title, IReadOnlyList<string> days, IReadOnlyDictionary<string, int[]> series)
    {
        const int width = 560, plotHeight = 180, legendRow = 18, left = 30;
        var names = series.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var height = plotHeight + 30 + ((names.Count + 2) / 3) * legendRow;
        var totals = Enumerable.Range(0, days.Count).Select(d => series.Values.Sum(v => v[d])).ToList();
        var max = Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var slot = days.Count == 0 ? 0 : (double)(width - left) / days.Count;
        var svg = Open(id, title, width, height);
        svg.Append(Inv($"<text x=\"0\" y=\"12\" font-size=\"11\" fill=\"#1a1a1a\">{max}</text><line x1=\"{left}\" y1=\"{plotHeight}\" x2=\"{width}\" y2=\"{plotHeight}\" stroke=\"#767676\"/>"));
        for (var d = 0; d < days.Count; d++)
        {
            var y = (double)plotHeight;
            for (var s = 0; s < names.Count; s++)
            {
                var value = series[names[s]][d];
                if (value == 0)
                {
                    continue;
                }
                var h = (plotHeight - 16) * (double)value / max;
                y -= h;
                svg.Append(Inv($"<rect x=\"{left + d * slot + 2:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, slot - 4):0.#}\" height=\"{h:0.#}\" fill=\"{Palette[s % Palette.Length]}\" data-series=\"{Html.E(names[s])}\" data-value=\"{value}\"><title>{Html.E(days[d])} · {Html.E(names[s])}: {value}</title></rect>"));
            }
            if (days.Count <= 16 || d % 2 == 0)
            {
                svg.Append(Inv($"<text x=\"{left + d * slot + slot / 2:0.#}\" y=\"{plotHeight + 14}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#1a1a1a\">{Html.E(days[d][5..])}</text>"));
            }
        }
        for (var s = 0; s < names.Count; s++)
        {
            var x = (s % 3) * (width / 3);
            var y = plotHeight + 26 + (s / 3) * legendRow;
            svg.Append(Inv($"<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{Palette[s % Palette.Length]}\"/><text x=\"{x + 14}\" y=\"{y + 9}\" font-size=\"11\" fill=\"#1a1a1a\">{Html.E(Trim(names[s]))}</text>"));
        }
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string id, string title, int width, int height) =>
        new StringBuilder(2048).Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-t\" data-testid=\"chart-{id}\"><title id=\"{id}-t\">{Html.E(title)}</title>"));

    private static string Trim(string label) => label.Length <= 24 ? label : string.Concat(label.AsSpan(0, 23), "…");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
