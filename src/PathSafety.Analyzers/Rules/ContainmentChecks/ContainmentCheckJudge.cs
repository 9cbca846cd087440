using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.ContainmentChecks;

/// <summary>PS0007's knowledge for one compilation: what kind of check a call is, and what a candidate check lacks.</summary>
internal sealed class ContainmentCheckJudge
{
    private static readonly AssignmentTable NoLocals = AssignmentTable.Collect(ImmutableArray<IOperation>.Empty);

    private readonly ConditionalWeakTable<IOperation, ContainmentCheckBlock> _blocks = new ConditionalWeakTable<IOperation, ContainmentCheckBlock>();
    // Per type and file: a partial type's roots are seen differently from each of its files (see MemberRoots).
    private readonly ConcurrentDictionary<(INamedTypeSymbol Type, SyntaxTree File), MemberRoots> _memberRoots = new(TypeInFile.Comparer);

    public ContainmentCheckJudge(ContainmentGuards guards, DeleteApis deletes)
    {
        Guards = guards;
        Deletes = deletes;
        Callers = new GuardingCallers(this);
    }

    /// <summary>Whether a private bool helper's callers use it to guard a path (cached per helper).</summary>
    public GuardingCallers Callers { get; }

    public ContainmentGuards Guards { get; }

    public DeleteApis Deletes { get; }

    /// <summary>What PS0007 says of <paramref name="check"/>: the block it is in is judged once, for all its checks.</summary>
    public MissingIngredient Missing(IInvocationOperation check, ISymbol owner)
    {
        return _blocks.GetValue(check.Root(), r => ContainmentCheckBlock.Judge(r, owner, this))[check];
    }

    /// <summary>
    /// '_root.EndsWith(sep)' is not needed in the check when the root is a member its type only ever assigns
    /// separator-terminated values: read once per type, and only for types where a check asks.
    /// </summary>
    public bool EndsWithSeparatorEverywhere(IOperation root, ISymbol owner)
    {
        if (MemberRoots.GetMember(root, owner) is not { ContainingType: { } type } member || root.SemanticModel is not { } model)
        {
            return false;
        }

        var roots = _memberRoots.GetOrAdd((type.OriginalDefinition, model.SyntaxTree), key => MemberRoots.Collect(key.Type, model));
        return roots.All(member, value => ContainmentCheckIngredients.EndsWithSeparator(value, Guards.Known, NoLocals));
    }

    public MissingIngredient Judge(IInvocationOperation check, CheckKind kind, ISymbol owner, FileSystemUses uses, AssignmentTable locals,
        HashSet<ISymbol> conditionLocals, bool inGuardMethod, bool hasRealCheck)
    {
        switch (kind)
        {
            case CheckKind.Prefix:
                var receiver = CheckSubjects.Receiver(check);
                if (ContainmentCheckBlock.IsExclusion(check)
                    || IsPathGuard(check, receiver, owner, uses, locals, conditionLocals, inGuardMethod) is not { } guard)
                {
                    return MissingIngredient.None;
                }

                var missing = MissingIngredient.None;
                if (!ContainmentCheckIngredients.EndsWithSeparator(check.Arguments[0].Value, Guards.Known, locals))
                {
                    missing |= MissingIngredient.TrailingSeparator;
                }

                if (!ContainmentCheckIngredients.IsNormalized(receiver, Guards, locals))
                {
                    missing |= MissingIngredient.Normalization;
                }

                if (ContainmentCheckIngredients.IsCultureSensitive(check))
                {
                    missing |= MissingIngredient.OrdinalComparison;
                }

                // Asked last, and only of a weak check: reading the callers costs a walk of the type.
                return missing != MissingIngredient.None && guard.Helper is { } helper && !Callers.AnyGuards(helper, check)
                    ? MissingIngredient.None
                    : missing;

            case CheckKind.ParentFilter:
                return !hasRealCheck
                       && ContainmentCheckBlock.IsGuardCondition(check, inGuardMethod, conditionLocals)
                       && (inGuardMethod || uses.Reaches(ContainmentGuards.SymbolOf(check.Instance)))
                    ? MissingIngredient.ContainmentCheck
                    : MissingIngredient.None;

            case CheckKind.FullPathWithBase:
                return uses.IsDeletedUnchecked(check) ? MissingIngredient.RootIgnored : MissingIngredient.None;

            default:
                return MissingIngredient.None;
        }
    }

    /// <summary>
    /// A prefix check acts as a path guard when it decides a branch and (1) it is in a guard method, or (2) the
    /// checked local or parameter reaches a file-system API of the method, or (3) the checked value is a path
    /// and the local it is read from is returned by the method, or (4) the checked value or the root is a path
    /// and the checked local or parameter, or the one whose member is checked ('link.Target' checked,
    /// 'link.File' deleted), reaches a file-system API or a method named like a delete ('DeleteFileHarder');
    /// or (5) the check is what a bool function returns, on a path against a path: a helper such as
    /// 'IsInside(root, path)' is a guard for its callers though it touches no file (then <see cref="PathGuard.Helper"/>
    /// is that function, whose callers may still show it guards nothing: see <see cref="GuardingCallers"/>).
    /// Null when the check is not a path guard.
    /// </summary>
    private PathGuard? IsPathGuard(IInvocationOperation check, IOperation? receiver, ISymbol owner, FileSystemUses uses, AssignmentTable locals,
        HashSet<ISymbol> conditionLocals, bool inGuardMethod)
    {
        if (ContainmentCheckBlock.IsGuardCondition(check, inGuardMethod, conditionLocals))
        {
            if (inGuardMethod)
            {
                return PathGuard.Direct;
            }

            var subject = Guards.GetCheckedSubject(receiver);
            if (uses.Reaches(subject))
            {
                return PathGuard.Direct;
            }

            bool used;
            if (subject is not null)
            {
                if (uses.IsReturned(subject) && CheckSubjects.IsPath(receiver, Guards, locals))
                {
                    return PathGuard.Direct;
                }

                used = uses.ReachesDeleteHelper(subject);
            }
            else
            {
                var chainRoot = CheckSubjects.ChainRoot(receiver);
                used = uses.Reaches(chainRoot) || uses.ReachesDeleteHelper(chainRoot);
            }

            if (used && (CheckSubjects.IsPath(receiver, Guards, locals) || CheckSubjects.IsPath(check.Arguments[0].Value, Guards, locals)))
            {
                return PathGuard.Direct;
            }
        }

        return CheckSubjects.ReturningBoolFunction(check, owner) is { } function
               && CheckSubjects.IsPath(receiver, Guards, locals)
               && CheckSubjects.IsPath(check.Arguments[0].Value, Guards, locals)
            ? new PathGuard(function)
            : null;
    }

    /// <summary>How a prefix check acts as a path guard: in its own method, or as the result of a bool helper.</summary>
    private sealed class PathGuard
    {
        public static readonly PathGuard Direct = new PathGuard(null);

        public PathGuard(IMethodSymbol? helper)
        {
            Helper = helper;
        }

        public IMethodSymbol? Helper { get; }
    }

    public CheckKind GetKind(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (Guards.IsStringMethod(method, "StartsWith") && !method.IsStatic && invocation.Arguments.Length > 0)
        {
            var prefix = invocation.Arguments[0].Value;

            // 'relative.StartsWith("..")' is the GetRelativePath form, which is sound.
            if (prefix.ConstantValue is { HasValue: true, Value: string text } && text.StartsWith("..", System.StringComparison.Ordinal))
            {
                return CheckKind.Real;
            }

            return ContainmentGuards.IsFolderPrefix(prefix) ? CheckKind.Prefix : CheckKind.None;
        }

        if (Guards.IsStringMethod(method, "Contains") && !method.IsStatic && invocation.Arguments.Length > 0
            && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string parent }
            && parent.StartsWith("..", System.StringComparison.Ordinal))
        {
            return CheckKind.ParentFilter;
        }

        if (Guards.Known.IsPathMethod(method, "GetFullPath") && invocation.Arguments.Length == 2)
        {
            // 'GetFullPath("cache/index.json", root)' builds a path below root; no input can make it ignore root.
            return invocation.Arguments[0].Value.WithoutConversions().ConstantValue is { HasValue: true, Value: string name }
                   && ContainmentGuards.IsSafeRelativeName(name)
                ? CheckKind.None
                : CheckKind.FullPathWithBase;
        }

        // A call to a marked guard method is a sound check. Unmarked helpers are not summarised here: this runs for every
        // call of a judged block, and PS0007 judges a helper's own checks where they are written.
        return Guards.Known.IsPathMethod(method, "GetRelativePath")
               || (Guards.Methods.IsMarked(method, invocation.Syntax.SyntaxTree)
                   && Guards.Methods.TryGetGuardCall(invocation, out _) != GuardMethodKind.None)
            ? CheckKind.Real
            : CheckKind.None;
    }

    private sealed class TypeInFile : IEqualityComparer<(INamedTypeSymbol Type, SyntaxTree File)>
    {
        public static readonly TypeInFile Comparer = new TypeInFile();

        public bool Equals((INamedTypeSymbol Type, SyntaxTree File) x, (INamedTypeSymbol Type, SyntaxTree File) y)
            => x.File == y.File && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

        public int GetHashCode((INamedTypeSymbol Type, SyntaxTree File) obj)
            => (SymbolEqualityComparer.Default.GetHashCode(obj.Type) * 31) + obj.File.GetHashCode();
    }
}

internal enum CheckKind
{
    None,
    Prefix,
    ParentFilter,
    FullPathWithBase,

    /// <summary>A sound check (GetRelativePath, a guard method): its presence makes a '..' filter not the only check.</summary>
    Real,
}
