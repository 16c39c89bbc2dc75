namespace ThresholdPortal.Domain.Identifiers;

/// <summary>
/// The NHS number: 10 digits whose last is a Modulus 11 check digit. Input may carry spaces or hyphens
/// ("943 476 5919", "943-476-5919"); what is stored is the 10 digits alone.
/// </summary>
public static class NhsNumber
{
    public const int Length = 10;

    /// <summary>Room for the digits and the spaces or hyphens people type between them.</summary>
    public const int InputMaxLength = 20;

    public const string NotTenDigits = "Enter the NHS number as 10 digits, like 943 476 5919";
    public const string NotValid = "The NHS number is not valid. Check you have copied all 10 digits";

    /// <summary>The 10 digits, or null when the input is not a valid NHS number.</summary>
    public static string? Normalise(string? input) => Check(input, out var digits) is null ? digits : null;

    /// <summary>Null when the input is a valid NHS number (digits then holds it), else the GOV.UK error message.</summary>
    public static string? Check(string? input, out string digits)
    {
        var typed = new string((input ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        digits = typed;
        if (typed.Length != Length || !typed.All(char.IsAsciiDigit))
        {
            return NotTenDigits;
        }

        // The NHS issues no number of one digit repeated ten times, though every such number passes the check.
        if (typed.All(c => c == typed[0]) || CheckDigit(typed) is not { } check || check != typed[9] - '0')
        {
            return NotValid;
        }

        return null;
    }

    public static bool IsValid(string? input) => Check(input, out _) is null;

    /// <summary>The check digit for the first nine digits, or null where none exists (remainder 10).</summary>
    public static int? CheckDigit(string firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>
    /// A valid number in the range the NHS keeps for testing (999 000 0000 up), so never a real person's: for demo
    /// and generated data. Serials whose check digit would be 10 move on to the next serial.
    /// </summary>
    public static string InTestRange(int serial)
    {
        for (var next = Math.Abs(serial % 1_000_000); ; next = (next + 1) % 1_000_000)
        {
            var firstNine = "999" + next.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
            if (CheckDigit(firstNine) is { } check && IsValid(firstNine + check))
            {
                return firstNine + check;
            }
        }
    }

    /// <summary>"943 476 5919": the 3-3-4 grouping the NHS prints.</summary>
    public static string Display(string digits) =>
        digits.Length == Length ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;
}
