using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace ThresholdPortal.UnitTests;

/// <summary>
/// The layout of the web project (docs/decisions/0080): Pages/ holds pages, shared feature code lives in
/// Features/&lt;Feature&gt;/, features depend on lower features only, and each area of pages uses only the
/// features declared for it below, so a new dependency is a visible decision.
/// </summary>
public sealed class FeatureLayoutTests
{
    private const string FeaturesNamespace = "ThresholdPortal.Web.Features";
    private const string PagesNamespace = "ThresholdPortal.Web.Pages";

    /// <summary>
    /// Each folder of Pages/ (the empty name is the pages at its root) and the features its pages and
    /// partials may use. Add a feature here only as a decision: it is a dependency of those pages.
    /// Triage appears beside areas that show the MASH's contacts, which are its settings (docs/decisions/0095).
    /// </summary>
    private static readonly Dictionary<string, string[]> FeaturesOfArea = new()
    {
        [""] = ["Triage"],
        ["Shared"] = ["Decisions", "Intake"], // the managers' sign-off counts in the navigation; the child identity partial
        ["Account"] = ["Accounts", "Administration", "Triage"],
        ["Admin"] = ["Accounts", "Administration", "ApiClients", "Intake", "Triage"],
        ["Agency"] = ["InformationRequests", "Intake", "Triage"],
        ["Decisions"] = ["Decisions", "Intake"],
        ["EarlyHelp"] = ["EarlyHelp", "Intake", "Triage"],
        ["InformationRequests"] = ["InformationRequests", "Intake"],
        // A case audit shows the feedback's state; the unusual-access report reads agencies' views of requests.
        ["Insights"] = ["Insights", "CaseAudits", "Decisions", "InformationRequests", "Intake", "Triage"],
        // Sign-off opens the hub's work; an escalation's answer goes to the case-management feed.
        ["Mash"] = ["Triage", "Decisions", "InformationRequests", "Intake", "EarlyHelp", "ApiClients"],
        ["Referrals"] = ["Intake", "Decisions", "Triage", "EarlyHelp"], // an early help request opens the hub's work
        ["SubjectAccess"] = ["SubjectAccess", "Administration"], // the access log's entries are described as the audit log's are
    };

    private static readonly Types Web = Types.InAssembly(typeof(Program).Assembly);

    [Fact]
    public void Pages_holds_only_pages_and_their_partials()
    {
        var pages = Path.Combine(SourceTree.Root, "src", "ThresholdPortal.Web", "Pages");

        var strays = Directory.EnumerateFiles(pages, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(pages, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        strays.ShouldBeEmpty("code that pages share goes to Features/<Feature>/ (docs/architecture.md, \"Where do I put X\")");
    }

    [Fact]
    public void Feature_code_does_not_depend_on_pages()
    {
        var result = Web.That().ResideInNamespace(FeaturesNamespace)
            .ShouldNot().HaveDependencyOn(PagesNamespace)
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Features_and_pages_do_not_depend_on_the_api_which_sits_beside_the_pages()
    {
        var result = Web.That().ResideInNamespace(FeaturesNamespace).Or().ResideInNamespace(PagesNamespace)
            .ShouldNot().HaveDependencyOn("ThresholdPortal.Web.Api")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty("the API sends the pages' requests; nothing of the pages or features uses the API");
    }

    [Fact]
    public void Features_depend_on_each_other_without_cycles()
    {
        var uses = FeatureNames().ToDictionary(feature => feature, UsedFeatures);

        var cycle = FindCycle(uses);

        cycle.ShouldBeNull($"features depend on each other in a cycle: {string.Join(" -> ", cycle ?? [])}. "
            + "Move the shared piece down: to the domain if it is a pure rule, else to the lower feature.");
    }

    [Fact]
    public void Every_area_of_pages_declares_the_features_it_uses()
    {
        var pages = Path.Combine(SourceTree.Root, "src", "ThresholdPortal.Web", "Pages");

        var undeclared = Directory.EnumerateDirectories(pages)
            .Select(Path.GetFileName)
            .Where(area => !FeaturesOfArea.ContainsKey(area!))
            .ToList();

        undeclared.ShouldBeEmpty("declare the features a new area of pages may use in FeaturesOfArea");
    }

    [Fact]
    public void Pages_use_only_the_features_declared_for_their_area()
    {
        var features = FeatureNames();
        var undeclared = new List<string>();
        foreach (var (area, allowed) in FeaturesOfArea)
        {
            foreach (var feature in features.Except(allowed))
            {
                var users = TypesOfArea(area).ShouldNot().HaveDependencyOn($"{FeaturesNamespace}.{feature}").GetResult();
                undeclared.AddRange((users.FailingTypeNames ?? []).Select(type => $"Pages/{area} uses {feature}: {type}"));
            }
        }

        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var uses = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Intake"] = [],
            ["Triage"] = ["Intake", "Decisions"],
            ["Decisions"] = ["Triage"],
        };

        string.Join(" -> ", FindCycle(uses) ?? []).ShouldBe("Decisions -> Triage -> Decisions");
        FindCycle(new Dictionary<string, IReadOnlyCollection<string>> { ["Intake"] = [], ["Triage"] = ["Intake"] }).ShouldBeNull();
    }

    private static List<string> FeatureNames() =>
        [.. Web.That().ResideInNamespace(FeaturesNamespace).GetTypes()
            .Select(type => type.Namespace!.Split('.')[3])
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static IReadOnlyCollection<string> UsedFeatures(string feature) =>
        [.. FeatureNames().Where(other => other != feature && !(FeatureTypes(feature)
            .ShouldNot().HaveDependencyOn($"{FeaturesNamespace}.{other}").GetResult().IsSuccessful))];

    private static PredicateList FeatureTypes(string feature) =>
        Web.That().ResideInNamespaceMatching($@"^{Regex.Escape($"{FeaturesNamespace}.{feature}")}(\..+)?$");

    /// <summary>The page models and handlers of the area, and its compiled views and partials.</summary>
    private static PredicateList TypesOfArea(string area) => area.Length == 0
        ? Web.That().ResideInNamespaceMatching($@"^{Regex.Escape(PagesNamespace)}$")
            .Or().HaveNameMatching("^Pages_[^_]+$")
        : Web.That().ResideInNamespaceMatching($@"^{Regex.Escape($"{PagesNamespace}.{area}")}(\..+)?$")
            .Or().HaveNameStartingWith($"Pages_{area}_");

    /// <summary>The first cycle found by a depth-first walk, as the features along it, or null.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyCollection<string>> uses)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        List<string>? Visit(string feature)
        {
            var onPath = path.IndexOf(feature);
            if (onPath >= 0)
            {
                return [.. path.Skip(onPath), feature];
            }

            if (!done.Add(feature))
            {
                return null;
            }

            path.Add(feature);
            foreach (var used in uses.GetValueOrDefault(feature) ?? [])
            {
                if (Visit(used) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return uses.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(cycle => cycle is not null);
    }
}
