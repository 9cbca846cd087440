using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>
/// Which locals and parameters of one operation block reach a file-system API (File, Directory,
/// FileInfo, DirectoryInfo or any delete API; apart, a method named like a delete), directly or through locals built from them, and which
/// are deleted. PS0007 judges only checks on such values: a StartsWith elsewhere is not a path guard.
/// </summary>
internal sealed class FileSystemUses
{
    private readonly HashSet<ISymbol> _reaching = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _checked = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _toDeleteHelpers = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _returned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
    private readonly List<IOperation> _deleted = new List<IOperation>();

    // Calls that may be unmarked guard helpers. Whether one is needs a summary of its body (a graph and a solve per
    // helper), and only a deleted call result asks what the block checks, so they are summarised on that question.
    private List<IInvocationOperation>? _maybeGuardCalls;
    private ContainmentGuards? _guards;

    private FileSystemUses()
    {
    }

    public static FileSystemUses Collect(ImmutableArray<IOperation> blocks, ContainmentGuards guards, DeleteApis deletes, AssignmentTable locals)
    {
        var uses = new FileSystemUses { _guards = guards };
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation)
                {
                    uses.AddInvocation(invocation, guards, deletes);
                }
                else if (operation is IReturnOperation { ReturnedValue: { } returned } && ContainmentGuards.SymbolOf(returned) is { } symbol)
                {
                    uses._returned.Add(symbol);
                }
                else if (operation is IObjectCreationOperation creation && guards.IsInfoType(creation.Type))
                {
                    foreach (var argument in creation.Arguments)
                    {
                        ContainmentGuards.AddSymbolsRead(argument.Value, uses._reaching);
                    }
                }
            }
        }

        CloseOverLocals(uses._reaching, locals);
        CloseOverLocals(uses._toDeleteHelpers, locals);
        return uses;
    }

    public bool Reaches(ISymbol? symbol) => symbol is not null && _reaching.Contains(symbol);

    /// <summary>
    /// The local or parameter (or a value built from it) is passed to a method named like a delete
    /// ('Delete…') that is not a known delete API: a file-system use when the check is about paths.
    /// </summary>
    public bool ReachesDeleteHelper(ISymbol? symbol) => symbol is not null && _toDeleteHelpers.Contains(symbol);

    /// <summary>The local or parameter is what the method (or a function in it) returns.</summary>
    public bool IsReturned(ISymbol symbol) => _returned.Contains(symbol);

    /// <summary>
    /// The call's result is deleted (directly, wrapped in a FileInfo/DirectoryInfo, or through the local
    /// it is assigned to) and nothing in the block checks that local.
    /// </summary>
    public bool IsDeletedUnchecked(IOperation call)
    {
        ISymbol? holder = null;
        var parent = call.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            holder = declarator.Symbol;
        }
        else if (parent is ISimpleAssignmentOperation assignment)
        {
            holder = ContainmentGuards.SymbolOf(assignment.Target);
        }

        foreach (var deleted in _deleted)
        {
            var value = deleted.WithoutConversions();
            if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation)
            {
                value = creation.Arguments[0].Value.WithoutConversions();
            }

            if (value?.Syntax == call.Syntax || (holder is not null
                && SymbolEqualityComparer.Default.Equals(ContainmentGuards.SymbolOf(value), holder) && !IsChecked(holder)))
            {
                return true;
            }
        }

        return false;
    }

    private void AddInvocation(IInvocationOperation invocation, ContainmentGuards guards, DeleteApis deletes)
    {
        var method = invocation.TargetMethod;
        if (DeleteApis.MayBeDelete(method) && deletes.TryGetDeleteSite(invocation, out var site) && site is not null)
        {
            _deleted.Add(site.Target);
            ContainmentGuards.AddSymbolsRead(site.Target, _reaching);
            return;
        }

        if (method.Name.StartsWith("Delete", System.StringComparison.Ordinal))
        {
            // A delete helper of the compilation or a library ('FileSystem.DeleteFile(path)', 'DeleteFileHarder'),
            // known by its name only: what it is given may be a path, or a user name.
            foreach (var argument in invocation.Arguments)
            {
                ContainmentGuards.AddSymbolsRead(argument.Value, _toDeleteHelpers);
            }

            return;
        }

        if (invocation.Arguments.Length > 0 && guards.Methods.IsMarked(method, invocation.Syntax.SyntaxTree))
        {
            if (guards.Methods.TryGetGuardCall(invocation, out var guarded) != GuardMethodKind.None)
            {
                AddChecked(guarded);
            }

            return;
        }

        if ((guards.IsStringMethod(method, "StartsWith") || guards.IsStringMethod(method, "Equals")) && invocation.Instance is not null)
        {
            AddChecked(guards.GetCheckedSubject(invocation.Instance));
            return;
        }

        if (guards.Known.IsPathMethod(method, "GetRelativePath") && invocation.Arguments.Length == 2)
        {
            AddChecked(invocation.Arguments[1].Value);
            return;
        }

        if (IsFileSystemType(method.ContainingType, guards))
        {
            foreach (var argument in invocation.Arguments)
            {
                ContainmentGuards.AddSymbolsRead(argument.Value, _reaching);
            }

            if (invocation.Instance is not null)
            {
                ContainmentGuards.AddSymbolsRead(invocation.Instance, _reaching);
            }

            return;
        }

        if (invocation.Arguments.Length > 0)
        {
            (_maybeGuardCalls ??= new List<IInvocationOperation>()).Add(invocation);
        }
    }

    private bool IsChecked(ISymbol holder)
    {
        if (_maybeGuardCalls is { } calls && _guards is { } guards)
        {
            _maybeGuardCalls = null;
            foreach (var call in calls)
            {
                if (guards.Methods.TryGetGuardCall(call, out var guarded) != GuardMethodKind.None)
                {
                    AddChecked(guarded);
                }
            }
        }

        return _checked.Contains(holder);
    }

    private static bool IsFileSystemType(INamedTypeSymbol? type, ContainmentGuards guards)
        => type is not null
           && (guards.IsInfoType(type)
               || SymbolEqualityComparer.Default.Equals(type, guards.Known.File)
               || SymbolEqualityComparer.Default.Equals(type, guards.Known.Directory));

    private void AddChecked(IOperation? value)
    {
        if (ContainmentGuards.SymbolOf(value) is { } symbol)
        {
            _checked.Add(symbol);
        }
    }

    private void AddChecked(ISymbol? symbol)
    {
        if (symbol is not null)
        {
            _checked.Add(symbol);
        }
    }

    /// <summary>'var full = Path.GetFullPath(Path.Combine(root, name)); File.Delete(full)': 'name' reaches too.</summary>
    private static void CloseOverLocals(HashSet<ISymbol> reaching, AssignmentTable locals)
    {
        var pending = new Queue<ISymbol>(reaching);
        while (pending.Count > 0)
        {
            if (!locals.TryGetValues(pending.Dequeue(), out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                foreach (var operation in value.DescendantsAndSelf())
                {
                    if (operation is ILocalReferenceOperation or IParameterReferenceOperation
                        && ContainmentGuards.SymbolOf(operation) is { } symbol
                        && reaching.Add(symbol))
                    {
                        pending.Enqueue(symbol);
                    }
                }
            }
        }
    }
}
