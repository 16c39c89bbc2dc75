using System.Globalization;
using System.IO.Compression;
using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using ThresholdPortal.Web.Features.Administration;
using ThresholdPortal.Web.Infrastructure.Auditing;
using ThresholdPortal.Web.Infrastructure.Data;
using ThresholdPortal.Web.Infrastructure.Mediation;

namespace ThresholdPortal.Web.Features.SubjectAccess;

/// <summary>A subject access bundle: a ZIP of index.html and the attachments' stored bytes.</summary>
public sealed record SubjectBundleFile(string FileName, byte[] Content, int ThirdPartiesMarked);

/// <summary>
/// Exports everything the portal holds about one person as a ZIP (docs/decisions/0123): an index.html summary with every
/// third party marked for redaction review, and each attachment of the referrals and responses under attachments/. The
/// export is audited with the chosen record's id and counts only. Bounded: a bundle over <see cref="MaxAttachmentBytes"/>
/// of attachments is refused rather than built in memory.
/// </summary>
public static class SubjectBundle
{
    public const long MaxAttachmentBytes = 512L * 1024 * 1024;

    public const string TooLargeMessage =
        "The attachments of these records are over 512 MB, too many for one bundle. Choose fewer records and download in parts";

    public sealed record Command(IReadOnlyList<SubjectChoice> Chosen) : ICommand<CommandResult<SubjectBundleFile>>;

    public sealed class Handler(PortalDbContext db, IAuditTrail audit, TimeProvider clock)
        : IRequestHandler<Command, CommandResult<SubjectBundleFile>>
    {
        public async Task<CommandResult<SubjectBundleFile>> Handle(Command request, CancellationToken cancellationToken)
        {
            var record = await SubjectRecord.LoadAsync(db, request.Chosen, cancellationToken);
            if (record.AttachmentBytes > MaxAttachmentBytes)
            {
                return new CommandResult.Refused(TooLargeMessage);
            }

            var now = clock.GetUtcNow();
            var file = await BuildAsync(db, record, now, cancellationToken);
            var first = request.Chosen[0];
            audit.Record(SubjectAccessEvents.Exported, SubjectAccessEvents.SubjectType, first.Key,
                string.Create(CultureInfo.InvariantCulture, $"{record.Counts}, {file.ThirdPartiesMarked} third parties marked"));
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.SavedWith(file);
        }
    }

    public static async Task<SubjectBundleFile> BuildAsync(PortalDbContext db, SubjectRecord record, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var referralFiles = record.Referrals.SelectMany(r => r.Attachments.Select(a => (a.Id, a.FileName, a.SizeBytes, Folder: r.Reference
            ?? r.Id.ToString("N")))).ToList();
        var responseFiles = record.Requests.SelectMany(r => r.Responses.SelectMany(x => x.Attachments.Select(a => (a.Id, a.FileName,
            a.SizeBytes, Folder: $"{r.CaseReference}-{r.AgencyKey}")))).ToList();
        if (referralFiles.Sum(f => f.SizeBytes) + responseFiles.Sum(f => f.SizeBytes) > MaxAttachmentBytes)
        {
            throw new InvalidOperationException("The attachments are too large for one bundle.");
        }

        var paths = new Dictionary<Guid, string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, fileName, _, folder) in referralFiles.Concat(responseFiles))
        {
            var path = $"attachments/{Safe(folder)}/{Safe(fileName)}";
            for (var n = 2; !used.Add(path); n++)
            {
                path = $"attachments/{Safe(folder)}/{n}-{Safe(fileName)}";
            }

            paths[id] = path;
        }

        var staff = await SubjectRecord.StaffNamesAsync(db, record, ct);
        var summary = new SubjectBundleHtml(record, staff, now);
        var index = summary.Render(paths);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var entry = await archive.CreateEntry("index.html").OpenAsync(ct))
            {
                await entry.WriteAsync(Encoding.UTF8.GetBytes(index), ct);
            }

            var referralIds = referralFiles.Select(f => f.Id).ToList();
            await foreach (var content in db.AttachmentContents.AsNoTracking().Where(c => referralIds.Contains(c.AttachmentId))
                .AsAsyncEnumerable().WithCancellation(ct))
            {
                await WriteAsync(archive, paths[content.AttachmentId], content.Bytes, ct);
            }

            var responseIds = responseFiles.Select(f => f.Id).ToList();
            await foreach (var content in db.InformationResponseAttachmentContents.AsNoTracking()
                .Where(c => responseIds.Contains(c.AttachmentId)).AsAsyncEnumerable().WithCancellation(ct))
            {
                await WriteAsync(archive, paths[content.AttachmentId], content.Bytes, ct);
            }
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"subject-access-{now:yyyy-MM-dd-HHmm}.zip");
        return new SubjectBundleFile(name, zip.ToArray(), summary.ThirdParties.Count);
    }

    private static async Task WriteAsync(ZipArchive archive, string path, byte[] bytes, CancellationToken ct)
    {
        await using var entry = await archive.CreateEntry(path).OpenAsync(ct);
        await entry.WriteAsync(bytes, ct);
    }

    /// <summary>A file or folder name safe in a ZIP: no path separators, no "..", printable characters only.</summary>
    public static string Safe(string name)
    {
        var safe = new string([.. Path.GetFileName((name ?? string.Empty).Replace('\\', '/'))
            .Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' ? c : '_')]).Trim(' ', '.');
        return safe.Length == 0 ? "file" : safe[..Math.Min(safe.Length, 120)];
    }
}
