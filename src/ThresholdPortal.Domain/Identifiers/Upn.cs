namespace ThresholdPortal.Domain.Identifiers;

/// <summary>
/// The Unique Pupil Number: a check letter, then the LA code (3 digits), establishment (4), year (2) and
/// serial (3). A temporary UPN ends in a letter instead of a digit. The check letter is the sum of each
/// character n (2 to 13) times n, mod 23, in an alphabet without I, O and S.
/// </summary>
public static class Upn
{
    public const int Length = 13;

    /// <summary>Room for the 13 characters and spaces people type between them.</summary>
    public const int InputMaxLength = 20;

    public const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public const string NotThirteenCharacters =
        "Enter the UPN as 13 characters: a letter, 11 digits, then a digit or letter, like B801200005001";

    public const string NotValid = "The UPN is not valid. Check you have copied all 13 characters";

    /// <summary>Null when the input is a valid UPN (upn then holds it in capitals), else the GOV.UK error message.</summary>
    public static string? Check(string? input, out string upn)
    {
        upn = new string((input ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray()).ToUpperInvariant();
        if (upn.Length != Length || !Alphabet.Contains(upn[0], StringComparison.Ordinal)
            || !upn[1..12].All(char.IsAsciiDigit)
            || !(char.IsAsciiDigit(upn[12]) || Alphabet.Contains(upn[12], StringComparison.Ordinal)))
        {
            return NotThirteenCharacters;
        }

        return CheckLetter(upn) == upn[0] ? null : NotValid;
    }

    public static bool IsValid(string? input) => Check(input, out _) is null;

    /// <summary>Whether a valid UPN is temporary: its last character is a letter.</summary>
    public static bool IsTemporary(string upn) => upn.Length == Length && char.IsAsciiLetter(upn[12]);

    /// <summary>The check letter for characters 2 to 13 of a UPN (the first character is ignored).</summary>
    public static char CheckLetter(string upn)
    {
        var sum = 0;
        for (var position = 2; position <= Length; position++)
        {
            var c = upn[position - 1];
            var value = char.IsAsciiDigit(c) ? c - '0' : Alphabet.IndexOf(c, StringComparison.Ordinal);
            sum += value * position;
        }

        return Alphabet[sum % 23];
    }
}
