using System.Reflection.Metadata.Ecma335;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Reflection;
using ThresholdPortal.DemoData;

namespace ThresholdPortal.UnitTests;

/// <summary>Demo data is a tool's, never the product's (docs/decisions/0082): nothing of it ships in the web assembly.</summary>
public sealed class DemoDataArchitectureTests
{
    private static readonly Assembly Product = typeof(Program).Assembly;

    [Fact]
    public void The_product_does_not_depend_on_the_fake_data_library()
    {
        ReferencedAssemblyNames(Product).ShouldNotContain("Bogus");
    }

    [Fact]
    public void The_product_holds_no_demo_type()
    {
        DemoTypeNames(Product).ShouldBeEmpty();
    }

    [Fact]
    public void The_product_holds_neither_the_demo_password_nor_the_demo_authenticator_key()
    {
        var strings = StringLiterals(Product);
        strings.ShouldNotContain(s => s.Contains(DemoDataSeeder.DemoPassword, StringComparison.Ordinal));
        strings.ShouldNotContain(s => s.Contains(DemoDataSeeder.DemoAuthenticatorKey, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_checks_see_demo_data_where_it_is()
    {
        // The same checks on the demo tool's assembly find what they look for, so they can fail.
        var tool = typeof(DemoDataSeeder).Assembly;
        ReferencedAssemblyNames(tool).ShouldContain("Bogus");
        DemoTypeNames(tool).ShouldNotBeEmpty();
        StringLiterals(tool).ShouldContain(DemoDataSeeder.DemoPassword);
        StringLiterals(tool).ShouldContain(DemoDataSeeder.DemoAuthenticatorKey);
    }

    private static List<string?> ReferencedAssemblyNames(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name)];

    private static List<string> DemoTypeNames(Assembly assembly) =>
        [.. assembly.GetTypes().Select(t => t.FullName ?? t.Name).Where(n => n.Contains("Demo", StringComparison.Ordinal))];

    /// <summary>Every string the compiled code holds: literals in method bodies (the user-string heap) and string constants.</summary>
    private static List<string> StringLiterals(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = reader.GetNextHandle(MetadataTokens.UserStringHandle(0)); !handle.IsNil; handle = reader.GetNextHandle(handle))
        {
            strings.Add(reader.GetUserString(handle));
        }

        for (var row = 1; row <= reader.GetTableRowCount(TableIndex.Constant); row++)
        {
            var constant = reader.GetConstant(MetadataTokens.ConstantHandle(row));
            if (constant.TypeCode == ConstantTypeCode.String)
            {
                var blob = reader.GetBlobReader(constant.Value);
                strings.Add(blob.ReadUTF16(blob.Length));
            }
        }

        return strings;
    }
}
