using System.Collections.Concurrent;

namespace ThresholdPortal.LocalOidcProvider;

/// <summary>
/// The local demo provider for run.sh, "Sign in with Northshire staff account" (docs/decisions/0122): the addresses in
/// LOCAL_OIDC_USERS can sign in, each with a verified address and multi-factor asserted.
/// </summary>
internal static class ProviderProgram
{
    public static async Task Main(string[] args)
    {
        var url = Environment.GetEnvironmentVariable("LOCAL_OIDC_URL") ?? "http://127.0.0.1:5199";
        var users = new ConcurrentDictionary<string, ProviderUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in (Environment.GetEnvironmentVariable("LOCAL_OIDC_USERS") ?? "").Split(',',
                     StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            users[email] = new ProviderUser("demo-" + email.ToUpperInvariant(), email, Methods: ["pwd", "mfa"]);
        }

        await LocalProvider.Build(url, users, args).RunAsync();
    }
}
