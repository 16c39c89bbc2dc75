using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ThresholdPortal.DemoData;
using ThresholdPortal.Domain.Accounts;
using ThresholdPortal.TestSupport;
using ThresholdPortal.TestSupport.Builders;

namespace ThresholdPortal.IntegrationTests.Pages;

/// <summary>
/// Hostile text in every text field of every form (found by reflection, <see cref="BoundForm"/>): a NUL and other control
/// characters, a lone surrogate, a right-to-left override and markup, each posted into all of a form's text fields at
/// once, and a 1 MB string into the first of them, with a valid antiforgery token and the form's own hidden fields, as a
/// role that may use the page, on a clone of the demo database. Searches get the same in their query strings. Nothing
/// may answer 5xx.
/// </summary>
public sealed partial class FormFuzzTests(PortalApp app) : IntegrationTest(app)
{
    /// <summary>Each value is already url-encoded: a lone surrogate cannot be encoded as UTF-8, so it goes as the bytes a
    /// hostile client would send for it.</summary>
    private static readonly (string Name, string Encoded)[] Payloads =
    [
        ("NUL and controls", Uri.EscapeDataString("Fuzz\0 text \u0001\u001B[31m\u007F end")),
        ("lone surrogate", "Fuzz%ED%A0%80text%ED%B0%80"),
        ("right-to-left override", Uri.EscapeDataString("invoice\u202Efdp.exe \u2066isolated\u2069")),
        ("markup", Uri.EscapeDataString("<script>alert(1)</script><img src=x onerror=alert(2)>\"'&")),
        ("1 MB", new string('x', 1024 * 1024)),
    ];

    private static readonly Dictionary<string, string> DemoUsers = new()
    {
        [PortalRole.Referrer] = DemoDataSeeder.ReferrerEmail,
        [PortalRole.MashPractitioner] = "practitioner@example.org",
        [PortalRole.MashManager] = "manager@example.org",
        [PortalRole.AgencyResponder] = "police@example.org",
        [PortalRole.Administrator] = "admin@example.org",
        [PortalRole.Auditor] = CaseAuditDemoData.AuditorEmail,
        [PortalRole.EarlyHelpCoordinator] = EarlyHelpDemoData.CoordinatorEmail,
        [PortalRole.DataProtectionOfficer] = DemoDataSeeder.DataProtectionOfficerEmail,
    };

    [Fact]
    public async Task Hostile_text_in_every_field_of_every_form_never_gives_a_server_error()
    {
        await App.UseDemoDatabaseAsync();
        var forms = BoundForm.All(App.Services);
        forms.Count.ShouldBeGreaterThan(50, "every page that binds a form");
        var clients = new Dictionary<string, HttpClient> { [PageAccess.Anonymous] = App.CreateBrowserLikeClient() };
        foreach (var (role, email) in DemoUsers)
        {
            clients[role] = await SignInAsync(email);
        }

        // A draft of the referrer's own, with a child and an adult, so the draft pages have ids to open.
        var journey = new ReferralJourney(clients[PortalRole.Referrer]);
        await journey.StartAsync();
        await journey.ScreenAsync();
        await journey.AddChildAsync("Fuzz", "Child");
        await journey.AdultAsync();

        var addresses = await FindAddressesAsync(forms, clients, [journey.Url(string.Empty).TrimEnd('/'), journey.Url("household")]);
        var failures = new List<string>();
        // Account forms last: a hostile "current password" counts towards that user's lockout.
        foreach (var form in forms.OrderBy(f => f.Template.StartsWith("/account", StringComparison.Ordinal)))
        {
            if (!addresses.TryGetValue(form.Template, out var found))
            {
                continue;
            }

            var (role, address) = found;
            foreach (var (name, encoded) in Payloads)
            {
                await FuzzAsync(clients[role], form, address, name, encoded, failures);
            }
        }

        failures.ShouldBeEmpty();
        addresses.Count.ShouldBeGreaterThan(forms.Count * 2 / 3,
            $"most forms are reached; not reached: {string.Join(", ", forms.Select(f => f.Template).Except(addresses.Keys))}");
    }

    private static async Task FuzzAsync(HttpClient client, BoundForm form, string address, string payload, string encoded,
        List<string> failures)
    {
        foreach (var field in form.QueryFields)
        {
            var separator = address.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var query = await AnswerAsync(() =>
                client.GetAsync($"{address}{separator}{field}={(encoded.Length > 4096 ? encoded[..4096] : encoded)}"));
            if (query >= 500)
            {
                failures.Add($"GET {form.Template}?{field}= {payload}: {query}");
            }
        }

        if (form.TextFields.Count == 0)
        {
            return;
        }

        using var page = await TryAsync(() => client.GetAsync(address));
        if (page is null || (int)page.StatusCode >= 500)
        {
            failures.Add($"GET {address} before {payload}: {(int?)page?.StatusCode ?? 500}");
        }

        if (page?.StatusCode != HttpStatusCode.OK)
        {
            // An earlier post moved the record on (a case closed, say): the form is no longer offered.
            return;
        }

        var html = await page!.Content.ReadAsStringAsync();
        if (!html.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
        {
            // The page offers no form in this state (a request already declined, say): there is nothing to post.
            return;
        }

        var body = new StringBuilder();
        foreach (var (name, value) in HiddenFields(html).Where(h => !form.TextFields.Contains(h.Name)).DistinctBy(h => h.Name))
        {
            body.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
        }

        // The 1 MB string goes into one field per form (the others empty): a megabyte in each of a form's fields at once
        // added minutes to every run and tested nothing one field does not (each field's limit is far below it).
        var huge = encoded.Length > 64 * 1024;
        foreach (var (field, index) in form.TextFields.Select((field, index) => (field, index)))
        {
            body.Append(Uri.EscapeDataString(field)).Append('=').Append(huge && index > 0 ? string.Empty : encoded).Append('&');
        }

        using var content = new StringContent(body.ToString().TrimEnd('&'), Encoding.ASCII, "application/x-www-form-urlencoded");
        var posted = await AnswerAsync(() => client.PostAsync(address, content));
        // A 400 is the framework refusing the form whole, losing what was typed; a 404 or 403 is the page's own answer.
        if (posted >= 500 || posted == 400)
        {
            failures.Add($"POST {address} ({form.Template}) with {payload}: {posted}");
        }
    }

    /// <summary>The status, or 500 for an exception: the test host hands the app's exceptions to the client.</summary>
    private static async Task<int> AnswerAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var response = await TryAsync(send);
        return response is null ? 500 : (int)response.StatusCode;
    }

    private static async Task<HttpResponseMessage?> TryAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (Exception exception) when (exception is not TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// An address for each form, opened as a role that may use it: the demo data's own links, followed from every page a
    /// role may open without an id, once per route template.
    /// </summary>
    private async Task<Dictionary<string, (string Role, string Address)>> FindAddressesAsync(
        IReadOnlyList<BoundForm> forms, Dictionary<string, HttpClient> clients, string[] drafts)
    {
        var found = new Dictionary<string, (string Role, string Address)>();
        var starts = PageAccess.Templates(App.Services).Where(t => !t.Contains('{', StringComparison.Ordinal))
            .Select(t => PageAccess.Address(t, _ => string.Empty)).Prepend(drafts[1]).Prepend(drafts[0]).Distinct().ToList();
        foreach (var (role, client) in clients)
        {
            var queue = new Queue<string>(starts.Where(s => PageAccess.RolesFor(s)?.Contains(role) == true));
            var visits = new Dictionary<string, int>();
            while (queue.TryDequeue(out var address))
            {
                var form = forms.FirstOrDefault(f => f.Matches(address));
                var key = form?.Template ?? TemplateKey().Replace(address.Split('?')[0], "/{id}");
                // A few of each kind of page: the first case or draft found may not offer every form its kind has.
                if (Unsafe(address) || (visits[key] = visits.GetValueOrDefault(key) + 1) > 4)
                {
                    continue;
                }

                using var response = await TryAsync(() => client.GetAsync(address));
                if (response?.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                if (form is not null && PageAccess.RolesFor(address.Split('?')[0])?.Contains(role) == true)
                {
                    found.TryAdd(form.Template, (role, address));
                }

                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    foreach (Match link in Link().Matches(await response.Content.ReadAsStringAsync()))
                    {
                        queue.Enqueue(WebUtility.HtmlDecode(link.Groups[1].Value));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Links not to follow: signing out ends the session, a GET of two-factor set-up changes the account (issue 14, item 7,
    /// left to the accounts work), and attachments are downloads.
    /// </summary>
    private static bool Unsafe(string address) =>
        address.StartsWith("/account/sign-out", StringComparison.Ordinal)
        || address.StartsWith("/account/two-factor", StringComparison.Ordinal)
        || address.Contains("/attachments/", StringComparison.Ordinal);

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = App.CreateBrowserLikeClient();
        var response = await Forms.PostAsync(client, "/account/sign-in",
            new() { ["Data.Email"] = email, ["Data.Password"] = DemoDataSeeder.DemoPassword });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email}");
        if (response.Headers.Location!.OriginalString.StartsWith("/account/sign-in-code", StringComparison.Ordinal))
        {
            response = await Forms.PostAsync(client, response.Headers.Location.OriginalString,
                new() { ["Data.Code"] = Totp.Code(DemoDataSeeder.DemoAuthenticatorKey) });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"the authenticator code for {email}");
        }

        return client;
    }

    private static IEnumerable<(string Name, string Value)> HiddenFields(string html) =>
        HiddenInput().Matches(html).Select(m =>
            (WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)));

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]+)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32}")]
    private static partial Regex TemplateKey();
}
