using System.Net.Http.Headers;
using ThresholdPortal.TestSupport;

namespace ThresholdPortal.IntegrationTests.Pages.InformationRequests;

/// <summary>An agency responder's answer and decline, posted as the browser posts the forms.</summary>
public static class AgencyForms
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static string Answer(Guid requestId) => $"/agency/requests/{requestId}/answer";

    public static string Decline(Guid requestId) => $"/agency/requests/{requestId}/decline";

    public static async Task<HttpResponseMessage> AnswerAsync(
        HttpClient responder, Guid requestId, string summary = "Two domestic incidents at the address in 2025.", int responsesSeen = 0,
        string concern = "High", string currentRisks = "The partner has bail conditions not to attend the address.",
        params (string Name, byte[] Content)[] files)
    {
        var token = await Forms.TokenAsync(responder, Answer(requestId));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(responsesSeen.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Data.ResponsesSeen" },
            { new StringContent("true"), "Data.KnownToAgency" },
            { new StringContent(summary), "Data.InvolvementSummary" },
            { new StringContent(currentRisks), "Data.CurrentRisks" },
            { new StringContent(concern), "Data.ConcernLevel" },
        };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "Data.Files", name);
        }

        return await responder.PostAsync(Answer(requestId), form);
    }

    public static Task<HttpResponseMessage> DeclineAsync(HttpClient responder, Guid requestId, string reason, int responsesSeen = 0) =>
        Forms.PostAsync(responder, Decline(requestId), new Dictionary<string, string>
        {
            ["Data.Reason"] = reason,
            ["Data.ResponsesSeen"] = responsesSeen.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, tokenFrom: Answer(requestId));
}
