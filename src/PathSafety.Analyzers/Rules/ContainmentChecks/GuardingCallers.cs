using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>
/// Whether a private bool helper that returns a prefix check guards a path for any of its callers. A private method
/// is called only from its own type, so its calls can all be read: when every one only picks between string
/// manipulations ('if (IsUnderOldRoot(setting)) setting = setting.Replace(oldRoot, newRoot);'), the check guards no
/// file and is not judged. A call guards a path when a local or parameter its arguments read reaches a file-system
/// or delete API in the calling method, or is returned by it, or the call is itself what a bool function returns
/// (a chain of helpers), or it is in a guard method. Not read, so still judged: a helper that is not private, a local function, a type declared
/// in more than one file (PS0007 reads one file), a helper used other than by a call (a method group), and a helper
/// with no call at all. Asked only of a check that would be reported, once per helper.
/// </summary>
internal sealed class GuardingCallers
{
    private readonly ContainmentCheckJudge _judge;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    public GuardingCallers(ContainmentCheckJudge judge)
    {
        _judge = judge;
    }

    public bool AnyGuards(IMethodSymbol helper, IOperation check)
    {
        if (helper.MethodKind != MethodKind.Ordinary
            || helper.DeclaredAccessibility != Accessibility.Private
            || helper.ContainingType is not { } type
            || check.SemanticModel is not { } model)
        {
            return true;
        }

        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return true;
            }
        }

        return _answers.GetOrAdd(helper.OriginalDefinition, h => Read(h, type, model));
    }

    private bool Read(IMethodSymbol helper, INamedTypeSymbol type, SemanticModel model)
    {
        var calls = 0;
        foreach (var declaration in type.DeclaringSyntaxReferences)
        {
            foreach (var node in declaration.GetSyntax().DescendantNodes())
            {
                if (node is not IdentifierNameSyntax name
                    || name.Identifier.ValueText != helper.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, helper))
                {
                    continue;
                }

                var invocation = (name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (SyntaxNode)name).Parent;
                if (invocation is not InvocationExpressionSyntax
                    || model.GetOperation(invocation) is not IInvocationOperation call
                    || Guards(call))
                {
                    return true;
                }

                calls++;
            }
        }

        return calls == 0;
    }

    private bool Guards(IInvocationOperation call)
    {
        // A call returned by a bool function passes the question on; one in a guard method is a guard's.
        if (call.SemanticModel?.GetEnclosingSymbol(call.Syntax.SpanStart) is not { } owner
            || CheckSubjects.ReturningBoolFunction(call, owner) is not null
            || (owner is IMethodSymbol method && _judge.Guards.Methods.IsMarked(method, call.Syntax.SyntaxTree)))
        {
            return true;
        }

        var root = call.Root();
        var blocks = ImmutableArray.Create(root);
        var uses = FileSystemUses.Collect(blocks, _judge.Guards, _judge.Deletes, AssignmentTable.Collect(blocks));
        foreach (var argument in call.Arguments)
        {
            foreach (var read in argument.Value.DescendantsAndSelf())
            {
                if (ContainmentGuards.SymbolOf(read) is { } symbol
                    && (uses.Reaches(symbol) || uses.ReachesDeleteHelper(symbol) || uses.IsReturned(symbol)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
