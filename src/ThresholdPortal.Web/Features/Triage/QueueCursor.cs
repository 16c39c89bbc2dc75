using System.Globalization;
using System.Text;

namespace ThresholdPortal.Web.Features.Triage;

/// <summary>The orders the queue can be read in. Each has its own keyset and index (docs/decisions/0031).</summary>
public enum QueueOrder
{
    /// <summary>Deadline, then BRAG (Red first), then receipt time: the default.</summary>
    MostUrgent,

    /// <summary>Most recently received first.</summary>
    Newest,

    /// <summary>Closed cases, most recently closed first.</summary>
    RecentlyDecided,
}

/// <summary>
/// Where a page of the queue starts or ends: the sort key of its boundary row, so the next page is read by
/// key ("after this row") and never by OFFSET. Opaque to the user; a tampered cursor reads as the first page.
/// </summary>
public sealed record QueueCursor(QueueOrder Order, DateTimeOffset First, int Rank, DateTimeOffset Second, Guid Id)
{
    public string Encode()
    {
        var text = string.Join('|',
            ((int)Order).ToString(CultureInfo.InvariantCulture),
            First.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Rank.ToString(CultureInfo.InvariantCulture),
            Second.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Id.ToString("N"));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static QueueCursor? Decode(string? value, QueueOrder expectedOrder)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
        {
            return null;
        }

        try
        {
            var base64 = value.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length != 5
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order != (int)expectedOrder
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rank)
                || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
                || !Guid.TryParseExact(parts[4], "N", out var id)
                || first > DateTimeOffset.MaxValue.UtcTicks || second > DateTimeOffset.MaxValue.UtcTicks)
            {
                return null;
            }

            return new QueueCursor(expectedOrder, new DateTimeOffset(first, TimeSpan.Zero), rank, new DateTimeOffset(second, TimeSpan.Zero),
                id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
