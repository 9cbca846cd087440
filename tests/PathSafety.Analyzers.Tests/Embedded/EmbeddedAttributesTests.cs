using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using PathSafety.Analyzers.Tests.Scope;
using PathSafety.Analyzers.Tests.Verifiers;

namespace PathSafety.Analyzers.Tests.Embedded;

/// <summary>The attribute source the package adds to consumers (build/*.cs): compiles everywhere and marks scope.</summary>
public class EmbeddedAttributesTests
{
    private static RuleTest<ScopeProbeAnalyzer> WithPackageSources(string source, params DiagnosticResult[] expected)
    {
        var test = new RuleTest<ScopeProbeAnalyzer>(source, expected);
        foreach (var file in new[] { "PathSafety.Attributes.cs", "PathSafety.EmbeddedAttribute.cs" })
        {
            test.TestState.Sources.Add(("/build/" + file, File.ReadAllText(Shipped.RepositoryFile("build", file))));
        }

        return test;
    }

    [Fact]
    public async Task Package_attributes_mark_a_method_a_type_and_the_assembly()
    {
        await WithPackageSources(
            """
            using PathSafety;
            static class P { public static void Probe() { } }
            class A { [MaintenanceCode] void M() { {|#0:P.Probe()|}; } void N() { P.Probe(); } }
            [MaintenanceCode] class B { void M() { {|#1:P.Probe()|}; } }
            class G { [PathGuard] static string Check(string p) => p; }
            """,
            new DiagnosticResult(ScopeProbeAnalyzer.Rule).WithLocation(0),
            new DiagnosticResult(ScopeProbeAnalyzer.Rule).WithLocation(1)).RunAsync();

        await WithPackageSources(
            """
            [assembly: PathSafety.MaintenanceCode]
            static class P { public static void Probe() { } }
            class A { void M() { {|#0:P.Probe()|}; } }
            """,
            new DiagnosticResult(ScopeProbeAnalyzer.Rule).WithLocation(0)).RunAsync();
    }

    [Fact]
    public async Task Package_sources_compile_as_CSharp_7_3_for_netstandard2_0_without_warnings()
    {
        var references = await ReferenceAssemblies.NetStandard.NetStandard20.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var options = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        var trees = new[] { "PathSafety.Attributes.cs", "PathSafety.EmbeddedAttribute.cs" }
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Shipped.RepositoryFile("build", f)), options, path: f))
            .Append(CSharpSyntaxTree.ParseText("[assembly: PathSafety.MaintenanceCode] class C { [PathSafety.PathGuard] void M() { } }", options))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Consumer",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, generalDiagnosticOption: ReportDiagnostic.Error));

        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));

        // MaintenanceCode is [Conditional]: it never reaches the metadata. PathGuard does, so callers in other projects see it.
        var type = compilation.GetTypeByMetadataName("C")!;
        Assert.Contains(type.GetMembers("M").Single().GetAttributes(), a => a.AttributeClass?.Name == "PathGuardAttribute");
        stream.Position = 0;
        using var reader = new PEReader(stream);
        var metadata = PEReaderExtensions.GetMetadataReader(reader);
        Assert.Equal(0, metadata.CustomAttributes.Count(h => IsPathSafetyAttribute(metadata, h, "MaintenanceCodeAttribute")));
        Assert.Equal(1, metadata.CustomAttributes.Count(h => IsPathSafetyAttribute(metadata, h, "PathGuardAttribute")));
    }

    private static bool IsPathSafetyAttribute(MetadataReader metadata, CustomAttributeHandle handle, string attributeName)
    {
        var attribute = metadata.GetCustomAttribute(handle);
        if (attribute.Constructor.Kind != HandleKind.MethodDefinition)
        {
            return false;
        }

        var constructor = metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
        var name = metadata.GetString(metadata.GetTypeDefinition(constructor.GetDeclaringType()).Name);
        return name == attributeName;
    }
}
