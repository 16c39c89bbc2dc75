using System.IO.Compression;
using System.Text;
using ThresholdPortal.Domain.Referrals;

namespace ThresholdPortal.UnitTests.Referrals;

public sealed class AttachmentFileTypeTests
{
    public static byte[] Zip(params string[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<xml/>");
            }
        }

        return memory.ToArray();
    }

    [Fact]
    public void A_pdf_is_recognised_by_its_header()
    {
        AttachmentFileType.Detect(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF")).ShouldBe(AttachmentFileType.Pdf);
    }

    [Fact]
    public void Png_and_jpeg_images_are_recognised_by_their_signatures()
    {
        AttachmentFileType.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).ShouldBe(AttachmentFileType.Png);
        AttachmentFileType.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).ShouldBe(AttachmentFileType.Jpeg);
    }

    [Fact]
    public void A_word_document_is_a_zip_holding_the_document_part()
    {
        AttachmentFileType.Detect(Zip("[Content_Types].xml", "word/document.xml")).ShouldBe(AttachmentFileType.Docx);
    }

    [Fact]
    public void Any_other_zip_is_refused()
    {
        AttachmentFileType.Detect(Zip("[Content_Types].xml", "xl/workbook.xml")).ShouldBeNull();
    }

    [Fact]
    public void A_macro_enabled_document_renamed_to_docx_is_refused()
    {
        AttachmentFileType.Detect(Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")).ShouldBeNull();
    }

    [Fact]
    public void A_truncated_zip_is_refused_rather_than_crashing()
    {
        AttachmentFileType.Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).ShouldBeNull();
    }

    [Theory]
    [InlineData("MZ\u0090\0 an executable")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    [InlineData(" %PDF-1.4 with a leading space")]
    public void Anything_else_is_refused_whatever_it_is_called(string content)
    {
        AttachmentFileType.Detect(Encoding.Latin1.GetBytes(content)).ShouldBeNull();
    }

    [Theory]
    [InlineData("DASH.pdf", "DASH.pdf")]
    [InlineData(@"C:\Users\rachel\Desktop\risk.pdf", "risk.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("risk\u0007\"assessment\".exe", "riskassessment.pdf")]
    [InlineData("", "attachment.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.pdf")]
    [InlineData("risk\u2066 assessment\u2069\u200B.pdf", "risk assessment.pdf")]
    public void The_stored_name_has_no_folders_or_control_characters_and_the_real_extension(string uploaded, string stored)
    {
        AttachmentFileType.Pdf.SafeFileName(uploaded).ShouldBe(stored);
    }

    [Fact]
    public void A_very_long_name_is_shortened_keeping_the_extension()
    {
        var name = AttachmentFileType.Docx.SafeFileName(new string('a', 500) + ".docx");

        name.Length.ShouldBe(ReferralAttachment.FileNameMaxLength);
        name.ShouldEndWith(".docx");
    }
}
