using System.Text;

namespace ThresholdPortal.Web.Infrastructure.Web;

/// <summary>
/// What every string typed into the portal is cleaned of before any page, validator or handler sees it
/// (docs/decisions/0099): C0 control characters other than tab, carriage return and line feed (PostgreSQL refuses
/// NUL, and none of them means anything in a form), DEL, lone surrogates (they cannot be stored as UTF-8), and the
/// bidirectional overrides and isolates that can make a name or file name read differently from what it is. A vertical
/// tab or form feed becomes a line break.
/// </summary>
public static class BoundText
{
    /// <summary>The text without those characters; the same instance when there was nothing to remove.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstUnwanted(text);
        if (first < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\v' or '\f')
            {
                // The vertical tabs and form feeds a word processor pastes are its line breaks.
                clean.Append('\n');
            }
            else if (!IsUnwanted(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static int FirstUnwanted(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnwanted(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A surrogate reaching here has no partner: paired ones are passed over by the callers.</summary>
    private static bool IsUnwanted(char c) =>
        (c < ' ' && c is not '\t' and not '\r' and not '\n')
        || c == '\u007F'
        || char.IsSurrogate(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
