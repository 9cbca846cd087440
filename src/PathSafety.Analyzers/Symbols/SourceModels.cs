using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// The one place PathSafety reads code declared in another file of the compilation: a path kept in a member or built
/// by a helper is usually declared away from the delete that uses it. One semantic model per syntax tree, created on
/// the first question about that tree and shared by every rule for the rest of the compilation, so a file is bound at
/// most once more, and only for the members and helpers a delete or a path API actually reads. Thread-safe.
/// </summary>
internal sealed class SourceModels
{
    private static readonly ConditionalWeakTable<Compilation, SourceModels> PerCompilation = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    private SourceModels(Compilation compilation)
    {
        _compilation = compilation;
    }

    /// <summary>
    /// Members longer than this are not read for a value: binding one through a second model binds (and runs nullable
    /// analysis on) the whole member, the largest cost of following values. Short members (a path property, a field set
    /// in a small constructor, a helper that builds a path) are the ones that hold paths. The limit does not depend on
    /// which file asks, so what a member holds is the same answer for every reader.
    /// </summary>
    public const int MaxReadMemberLength = 2000;

    /// <summary>Whether the member around <paramref name="node"/> is short enough to read (<see cref="MaxReadMemberLength"/>).</summary>
    public static bool IsAffordable(SyntaxNode node)
    {
        var member = node;
        while (member.Parent is { } parent && member is not MemberDeclarationSyntax)
        {
            member = parent;
        }

        return member.Span.Length <= MaxReadMemberLength;
    }

    public static SourceModels GetOrCreate(Compilation compilation)
        => PerCompilation.GetValue(compilation, static c => new SourceModels(c));

    /// <summary>
    /// The operation of <paramref name="node"/>: read through <paramref name="atHand"/> when the node is in its tree
    /// (that model has already bound the file), else through this compilation's model of the node's tree; null for a
    /// tree of another compilation or a node with no operation.
    /// </summary>
    public IOperation? GetOperation(SyntaxNode node, SemanticModel? atHand)
    {
        var tree = node.SyntaxTree;
        if (atHand is not null && atHand.SyntaxTree == tree)
        {
            return atHand.GetOperation(node);
        }

        if (!_compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        var model = _models.GetOrAdd(tree, CreateModel);
        return model.GetOperation(node);
    }

    private SemanticModel CreateModel(SyntaxTree tree)
    {
        // RS1030 warns that a new model rebinds the file. That is the point here: it happens once per file and only
        // for files that declare a member or helper a finding depends on, instead of never following such values.
#pragma warning disable RS1030, RS0030
        return _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030, RS0030
    }
}
