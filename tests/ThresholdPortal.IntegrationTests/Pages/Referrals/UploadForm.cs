using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages.Referrals;

/// <summary>Posts a file to a draft's attachments page as a browser's multipart form would.</summary>
public static class UploadForm
{
    public static readonly byte[] Pdf =
        Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static async Task<HttpResponseMessage> UploadAsync(this ReferralJourney journey, byte[] content, string fileName,
        string kind = "Dash", string? description = null)
    {
        var token = await journey.TokenAsync("attachments");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Data.Kind" },
        };
        if (description is not null)
        {
            form.Add(new StringContent(description), "Data.Description");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Data.File", fileName);
        return await journey.Client.PostAsync(journey.Url("attachments"), form);
    }

    public static byte[] Docx(bool withDocumentPart = true)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in withDocumentPart ? new[] { "[Content_Types].xml", "word/document.xml" }
                : ["[Content_Types].xml", "xl/workbook.xml"])
            {
                // A fixed time: the entry would otherwise carry the machine's clock, and two builds a second apart would differ.
                var part = zip.CreateEntry(entry);
                part.LastWriteTime = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
                using var writer = new StreamWriter(part.Open());
                writer.Write("<xml/>");
            }
        }

        return memory.ToArray();
    }
}
