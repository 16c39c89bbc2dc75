using System.Globalization;
using System.IO.Compression;

namespace ThresholdPortal.Domain.Referrals;

/// <summary>
/// The file types a referral may carry, recognised by their content rather than their name or the browser's
/// claim: a renamed executable is not a PDF because it ends in ".pdf".
/// </summary>
public sealed record AttachmentFileType(string Name, string ContentType, string Extension)
{
    public static readonly AttachmentFileType Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly AttachmentFileType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx");
    public static readonly AttachmentFileType Png = new("PNG", "image/png", ".png");
    public static readonly AttachmentFileType Jpeg = new("JPEG", "image/jpeg", ".jpg");

    public static IReadOnlyList<AttachmentFileType> All { get; } = [Pdf, Docx, Png, Jpeg];

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The type the bytes really are, or null when they are none of the accepted types.</summary>
    public static AttachmentFileType? Detect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        if (span.StartsWith(PdfSignature))
        {
            return Pdf;
        }

        if (span.StartsWith(PngSignature))
        {
            return Png;
        }

        if (span.StartsWith(JpegSignature))
        {
            return Jpeg;
        }

        return span.StartsWith(ZipSignature) && IsWordDocument(content) ? Docx : null;
    }

    /// <summary>
    /// A DOCX is a zip holding [Content_Types].xml and word/document.xml. One with macros (word/vbaProject.bin)
    /// is a renamed DOCM and refused.
    /// </summary>
    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml") && !names.Contains("word/vbaProject.bin");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>
    /// The name to store: no folders, no control or formatting characters (a right-to-left override can make
    /// "report\u202Efdp.exe" read as "reportexe.pdf"), within the length limit, and ending in the extension of the
    /// type the content really is.
    /// </summary>
    public string SafeFileName(string? uploadedName)
    {
        var name = Path.GetFileName((uploadedName ?? string.Empty).Replace('\\', '/'));
        name = new string([.. name.Where(c =>
            !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format
            && c is not '"' and not '/' and not ':' and not '*' and not '?' and not '<' and not '>' and not '|')])
            .Trim();
        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        if (stem.Length == 0)
        {
            stem = "attachment";
        }

        var maxStem = ReferralAttachment.FileNameMaxLength - Extension.Length;
        return (stem.Length > maxStem ? stem[..maxStem] : stem) + Extension;
    }
}
