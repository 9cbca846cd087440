using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// PS0002 and PS0003: a delete in maintenance code whose target has not passed a containment guard on
/// every path to it (see docs/guards.md). PS0003 when the delete is recursive: it removes a whole tree.
/// </summary>
internal static class UnguardedDelete
{
    private const int MaxTargetLength = 60;

    public static Diagnostic? Find(OperationAnalysisContext context, DeleteRuleContext rules, DeleteSite site)
    {
        var tree = site.Invocation.Syntax.SyntaxTree;
        if (!rules.Scope.IsMaintenanceCode(context.ContainingSymbol, site.Invocation))
        {
            return null;
        }

        // Contained by construction needs no flow: skip building the graph.
        if (rules.Guards.IsContainedValue(site.Target, GuardFlow.Empty))
        {
            return null;
        }

        // An entry a folder enumeration yielded is inside that folder when the pattern cannot name another one;
        // whether the loop deletes too much is PS0004's question, asked before this one. Every enumeration the
        // entry may come from (a list filled from two) must stay in its folder.
        if (StaysInEnumeratedFolder(site.Target, EnumerationApis.GetOrCreate(rules.Known)))
        {
            return null;
        }

        if (site.Target.ConditionalReceiver() is not { } deleted || ReadsLocalOrParameter(deleted))
        {
            var flow = rules.GetGuardFlow(context);
            if (flow is null || flow.IsContainedAt(site.Invocation, call => SelectTarget(call, site), DeletesOnlyAFile(site, rules.Known)) != false)
            {
                return null;
            }
        }
        else if (DeletesOnlyAFile(site, rules.Known) && rules.Guards.IsDirectChildValue(site.Target, GuardFlow.Empty))
        {
            // Flow facts are only ever about locals and parameters: a path that reads neither ('_lockFile', a property
            // chain, a helper's result) is judged by its value alone, with no control-flow graph built.
            return null;
        }

        // A path that is relative on every path through the code is first of all relative: PS0001 reports it (the
        // fix is to anchor it), and a containment guard would not help while the current directory decides the folder.
        if (rules.Paths.Classify(site.Target).Kind == PathValueKind.Relative)
        {
            return null;
        }

        var descriptor = site.IsRecursive ? DiagnosticDescriptors.UnguardedRecursiveDelete : DiagnosticDescriptors.UnguardedDelete;
        return Diagnostic.Create(descriptor, ReportedNode(site.Invocation.Syntax).GetLocation(), site.ApiName, Describe(site.Target));
    }

    /// <summary>
    /// A delete that can only remove a file: not a folder delete, and not 'FileSystemInfo.Delete()', whose object may
    /// be a DirectoryInfo at run time.
    /// </summary>
    private static bool DeletesOnlyAFile(DeleteSite site, KnownSymbols known)
    {
        if (site.DeletesDirectory)
        {
            return false;
        }

        var type = site.TargetKind == DeleteTargetKind.InfoInstance ? site.Target.WithoutConversions().Type?.OriginalDefinition : null;
        return type is null
               || !(KnownSymbols.Is(type, known.FileSystemInfo) || KnownSymbols.Is(type, known.Get("System.IO.Abstractions.IFileSystemInfo")));
    }

    private static bool ReadsLocalOrParameter(IOperation target)
    {
        foreach (var operation in target.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation or IParameterReferenceOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StaysInEnumeratedFolder(IOperation target, EnumerationApis apis)
    {
        var elements = EnumeratedElements.FindAll(target, apis);
        foreach (var element in elements)
        {
            if (!element.Source.StaysInFolder)
            {
                return false;
            }
        }

        return !elements.IsEmpty;
    }

    /// <summary>'info?.Delete()' is reported whole, not on its '.Delete()' part.</summary>
    private static SyntaxNode ReportedNode(SyntaxNode call)
    {
        var node = call;
        while (node.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == node)
        {
            node = access;
        }

        return node;
    }

    /// <summary>The deleted value in the graph's copy of the call: the path argument or the receiver.</summary>
    private static IOperation? SelectTarget(IInvocationOperation call, DeleteSite site)
    {
        if (site.TargetKind == DeleteTargetKind.InfoInstance)
        {
            return call.Instance;
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0 })
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static string Describe(IOperation target)
    {
        var text = target.WithoutConversions().Syntax.ToString();
        text = text.Replace("\r", " ").Replace("\n", " ");
        text = text.Length > MaxTargetLength ? text.Substring(0, MaxTargetLength) + "…" : text;

        // A string literal already shows its quotes; quoting it again reads as '"logs"'.
        return IsQuoted(text) ? text : "'" + text + "'";
    }

    private static bool IsQuoted(string text)
        => text.StartsWith("\"", System.StringComparison.Ordinal) || text.StartsWith("@\"", System.StringComparison.Ordinal)
           || text.StartsWith("$\"", System.StringComparison.Ordinal) || text.StartsWith("$@\"", System.StringComparison.Ordinal)
           || text.StartsWith("@$\"", System.StringComparison.Ordinal);
}
