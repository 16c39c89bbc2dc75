using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ThresholdPortal.IntegrationTests.Pages;

/// <summary>A page that binds a form: its route template and the names of its text fields, as the browser posts them.</summary>
public sealed record BoundForm(string Template, Type PageModel, IReadOnlyList<string> TextFields, IReadOnlyList<string> QueryFields)
{
    /// <summary>Does the path of <paramref name="address"/> open this page?</summary>
    public bool Matches(string address) => Pattern(Template).IsMatch(address.Split('?', '#')[0]);

    /// <summary>
    /// Every Razor page of the app whose model has a <see cref="BindPropertyAttribute"/>, found by reflection over the page
    /// models the endpoint table serves; text fields are found in the bound types, their nested types and lists.
    /// </summary>
    public static IReadOnlyList<BoundForm> All(IServiceProvider services)
    {
        var assembly = typeof(Program).Assembly;
        return [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Template: e.RoutePattern.RawText ?? string.Empty, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(e => e.Page is not null && !e.Template.EndsWith("index", StringComparison.OrdinalIgnoreCase))
            .Select(e => (e.Template, Model: assembly.GetType($"ThresholdPortal.Web.Pages{e.Page!.ViewEnginePath.Replace('/', '.')}Model")))
            .Where(e => e.Model is not null)
            .Select(e =>
                new BoundForm("/" + e.Template.TrimStart('/'), e.Model!, Fields(e.Model!, get: false), Fields(e.Model!, get: true)))
            .Where(f => f.TextFields.Count > 0 || f.QueryFields.Count > 0)
            .DistinctBy(f => f.Template)];
    }

    private static List<string> Fields(Type page, bool get)
    {
        var fields = new List<string>();
        foreach (var property in page.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<BindPropertyAttribute>() is { } bind && bind.SupportsGet == get)
            {
                TextFieldsOf(property.PropertyType, bind.Name ?? property.Name, fields, depth: 0);
            }
        }

        return fields;
    }

    private static void TextFieldsOf(Type type, string name, List<string> fields, int depth)
    {
        if (type == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(type))
        {
            fields.Add(name);
            return;
        }

        if (depth > 3 || type.Namespace?.StartsWith("ThresholdPortal", StringComparison.Ordinal) != true && !IsList(type))
        {
            return;
        }

        if (IsList(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            if (element.Namespace?.StartsWith("ThresholdPortal", StringComparison.Ordinal) == true)
            {
                TextFieldsOf(element, $"{name}[0]", fields, depth + 1);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            TextFieldsOf(property.PropertyType, $"{name}.{property.Name}", fields, depth + 1);
        }
    }

    private static bool IsList(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && (type.IsArray || type.IsGenericType);

    /// <summary>The template as a pattern over paths: a parameter is one segment, an optional one may be left out.</summary>
    private static Regex Pattern(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template), @"/\\\{[^}]*\?}", "(?:/[^/]+)?");
        pattern = Regex.Replace(pattern, @"\\\{[^}]*}", "[^/]+");
        return new Regex($"^{pattern}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
