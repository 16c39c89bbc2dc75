using System.Globalization;

namespace ThresholdPortal.Web.Features.Intake;

public static class AttachmentSize
{
    /// <summary>"842 KB", "3.4 MB".</summary>
    public static string Describe(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB");
}
