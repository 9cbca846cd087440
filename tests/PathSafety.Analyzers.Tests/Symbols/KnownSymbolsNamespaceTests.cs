using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Tests.Symbols;

public class KnownSymbolsNamespaceTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "namespaces",
        [CSharpSyntaxTree.ParseText("namespace Acme.System.Linq { class C { } } namespace Linq { class D { } }")],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
         MetadataReference.CreateFromFile(typeof(System.Linq.Enumerable).Assembly.Location)]);

    [Theory]
    [InlineData("System.Linq.Enumerable", "System.Linq", true)]
    [InlineData("System.Collections.Generic.List`1", "System.Collections.Generic", true)]
    [InlineData("System.Collections.Generic.List`1", "Collections.Generic", false)]
    [InlineData("System.Collections.Generic.List`1", "System.Collections", false)]
    [InlineData("System.String", "System", true)]
    [InlineData("Acme.System.Linq.C", "System.Linq", false)]
    [InlineData("Linq.D", "System.Linq", false)]
    [InlineData("Linq.D", "Linq", true)]
    public void A_namespace_matches_only_its_whole_dotted_name(string type, string dottedName, bool expected)
    {
#pragma warning disable RS0030 // The test resolves its own fixture types.
        var symbol = Compilation.GetTypeByMetadataName(type);
#pragma warning restore RS0030
        Assert.NotNull(symbol);
        Assert.Equal(expected, KnownSymbols.IsNamespace(symbol!.ContainingNamespace, dottedName));
    }
}
