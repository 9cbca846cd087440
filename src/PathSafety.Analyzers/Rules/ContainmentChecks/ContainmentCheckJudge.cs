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
    }

    public ContainmentGuards Guards { get; }

    public DeleteApis Deletes { get; }

    /// <summary>What PS0007 says of <paramref name="check"/>: the block it is in is judged once, for all its checks.</summary>
    public MissingIngredient Missing(IInvocationOperation check, ISymbol owner)
    {
        IOperation root = check;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return _blocks.GetValue(root, r => ContainmentCheckBlock.Judge(r, owner, this))[check];
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
        return roots.All(member, value => ContainmentCheckIngredients.EndsWithSeparator(value, Guards, NoLocals));
    }

    public MissingIngredient Judge(IInvocationOperation check, CheckKind kind, FileSystemUses uses, AssignmentTable locals,
        HashSet<ISymbol> conditionLocals, bool inGuardMethod, bool hasRealCheck)
    {
        switch (kind)
        {
            case CheckKind.Prefix:
                if (!ContainmentCheckBlock.IsGuardCondition(check, inGuardMethod, conditionLocals) || ContainmentCheckBlock.IsExclusion(check)
                    || !(inGuardMethod || uses.Reaches(Guards.GetCheckedSubject(check.Instance))))
                {
                    return MissingIngredient.None;
                }

                var missing = MissingIngredient.None;
                if (!ContainmentCheckIngredients.EndsWithSeparator(check.Arguments[0].Value, Guards, locals))
                {
                    missing |= MissingIngredient.TrailingSeparator;
                }

                if (!ContainmentCheckIngredients.IsNormalized(check.Instance, Guards, locals))
                {
                    missing |= MissingIngredient.Normalization;
                }

                if (ContainmentCheckIngredients.IsCultureSensitive(check))
                {
                    missing |= MissingIngredient.OrdinalComparison;
                }

                return missing;

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
            return CheckKind.FullPathWithBase;
        }

        return Guards.Known.IsPathMethod(method, "GetRelativePath") || Guards.Methods.TryGetGuardCall(invocation, out _) != GuardMethodKind.None
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
