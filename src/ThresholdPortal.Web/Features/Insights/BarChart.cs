using System.Globalization;

namespace ThresholdPortal.Web.Features.Insights;

/// <summary>One bar: its label, its length as a share of the longest bar (0 to 1) and the value written beside it.</summary>
public sealed record Bar(string Label, decimal Length, string Value);

/// <summary>
/// A bar chart drawn as inline SVG on the server (no script, no inline style: the CSP forbids both). The
/// SVG is an image with a title and description; the same figures are always in a table under it.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<Bar> Bars, bool Horizontal)
{
    public const int Width = 640;
    private const int VerticalHeight = 220;
    private const int LabelWidth = 260;
    private const int RowHeight = 28;

    public int Height => Horizontal ? Math.Max(RowHeight, Bars.Count * RowHeight) + 4 : VerticalHeight + 40;

    public IEnumerable<(Bar Bar, string X, string Y, string W, string H, string TextX, string TextY, string LabelX, string LabelY)> Layout()
    {
        if (Horizontal)
        {
            var plot = Width - LabelWidth - 60;
            for (var i = 0; i < Bars.Count; i++)
            {
                var w = Math.Max(1m, Bars[i].Length * plot);
                var y = (i * RowHeight) + 4;
                yield return (Bars[i], N(LabelWidth), N(y), N(w), N(RowHeight - 8), N(LabelWidth + w + 6), N(y + RowHeight - 12),
                    N(LabelWidth - 8), N(y + RowHeight - 12));
            }

            yield break;
        }

        var slot = Bars.Count == 0 ? Width : (decimal)Width / Bars.Count;
        for (var i = 0; i < Bars.Count; i++)
        {
            var h = Bars[i].Length * (VerticalHeight - 20);
            var x = (i * slot) + (slot * 0.15m);
            yield return (Bars[i], N(x), N(VerticalHeight - h), N(slot * 0.7m), N(Math.Max(0, h)), N(x + (slot * 0.35m)),
                N(VerticalHeight - h - 4), N(x + (slot * 0.35m)), N(VerticalHeight + 16));
        }
    }

    /// <summary>Labels under vertical bars are shown only when there is room for them (every bar's figure is in the table).</summary>
    public bool ShowLabel(int index) => Horizontal || Bars.Count <= 14 || index % ((Bars.Count / 14) + 1) == 0;

    private static string N(decimal value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
