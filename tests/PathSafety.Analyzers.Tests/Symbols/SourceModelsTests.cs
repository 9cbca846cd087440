using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Tests.Symbols;

public class SourceModelsTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "models",
        [
            CSharpSyntaxTree.ParseText(
                "static class Paths { public static readonly string Logs = System.String.Concat(\"a\", \"b\"); }",
                path: "Paths.cs"),
            CSharpSyntaxTree.ParseText("class User { string M() => Paths.Logs; }", path: "User.cs"),
        ],
        [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);

    [Fact]
    public void A_node_in_another_file_is_read_through_that_file_s_model()
    {
        var declaration = Initializer(Compilation);
        var atHand = Compilation.GetSemanticModel(Compilation.SyntaxTrees.ElementAt(1));

        var operation = SourceModels.GetOrCreate(Compilation).GetOperation(declaration, atHand);

        var call = Assert.IsAssignableFrom<IInvocationOperation>(operation);
        Assert.Equal("Concat", call.TargetMethod.Name);
        Assert.Same(Compilation.SyntaxTrees.First(), operation!.SemanticModel!.SyntaxTree);
    }

    [Fact]
    public void A_node_in_the_file_at_hand_is_read_through_the_model_at_hand()
    {
        var atHand = Compilation.GetSemanticModel(Compilation.SyntaxTrees.First());

        var operation = SourceModels.GetOrCreate(Compilation).GetOperation(Initializer(Compilation), atHand);

        Assert.Same(atHand, operation!.SemanticModel);
    }

    [Fact]
    public void One_model_per_file_is_shared_by_every_question()
    {
        var models = SourceModels.GetOrCreate(Compilation);
        Assert.Same(models, SourceModels.GetOrCreate(Compilation));

        var first = models.GetOperation(Initializer(Compilation), atHand: null);
        var second = models.GetOperation(Initializer(Compilation), atHand: null);

        Assert.Same(first!.SemanticModel, second!.SemanticModel);
    }

    [Fact]
    public void A_node_of_another_compilation_has_no_operation()
    {
        var other = CSharpCompilation.Create("other", [CSharpSyntaxTree.ParseText("class C { int F = 1 + 2; }")]);

        Assert.Null(SourceModels.GetOrCreate(Compilation).GetOperation(other.SyntaxTrees.First().GetRoot(), atHand: null));
    }

    private static ExpressionSyntax Initializer(CSharpCompilation compilation)
        => compilation.SyntaxTrees.First().GetRoot().DescendantNodes().OfType<EqualsValueClauseSyntax>().Single().Value;
}
