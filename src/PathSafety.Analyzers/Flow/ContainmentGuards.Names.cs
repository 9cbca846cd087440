using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// Checks that pin a path to one folder without a prefix test: a name validated as a single file name, a parent
/// folder compared with a known folder, membership in a folder's own entries (docs/guards.md).
/// </summary>
internal sealed partial class ContainmentGuards
{
    /// <summary>
    /// 'Path.Combine(root, name)' one segment below a contained or anchored folder, with a name that has no separator:
    /// a direct child of that folder, unless the name is "", "." or "..", which name a folder (the root or its parent).
    /// A file delete cannot remove a folder, so for a file delete this is enough.
    /// </summary>
    public bool IsDirectChildValue(IOperation? value, ImmutableHashSet<GuardFact> state)
    {
        value = value?.WithoutConversions();
        switch (value)
        {
            case null:
                return false;
            case ILocalReferenceOperation or IParameterReferenceOperation:
                return state.Contains(new GuardFact(GuardFactKind.DirectChild, SymbolOf(value)!));
            case IObjectCreationOperation creation when IsInfoType(creation.Type) && creation.Arguments.Length > 0:
                return IsDirectChildValue(creation.Arguments[0].Value, state);
            case IPropertyReferenceOperation { Property.Name: "FullName" } property when IsInfoType(property.Instance?.Type):
                return IsDirectChildValue(property.Instance, state);
            case IInvocationOperation combine when IsCombineOfName(combine, state, out var name):
                return HasNoSeparator(name, state);
            default:
                return false;
        }
    }

    /// <summary>'Path.Combine(root, name)' with exactly two segments and a contained or anchored root.</summary>
    private bool IsCombineOfName(IInvocationOperation combine, ImmutableHashSet<GuardFact> state, out IOperation name)
    {
        name = combine;
        if (!(_known.IsPathMethod(combine.TargetMethod, "Combine") || _known.IsPathMethod(combine.TargetMethod, "Join")))
        {
            return false;
        }

        var segments = GetSegments(combine);
        if (segments.Count != 2 || !IsKnownFolder(segments[0], state))
        {
            return false;
        }

        name = segments[1];
        return true;
    }

    /// <summary>A folder the code names deliberately: contained, or an anchored root.</summary>
    private bool IsKnownFolder(IOperation folder, ImmutableHashSet<GuardFact> state)
        => IsAnchoredRoot(folder) || IsContainedValue(folder, state);

    /// <summary>'Path.Combine(root, name)' where 'name' was checked to be a single file name.</summary>
    private bool IsCombineOfSingleName(IInvocationOperation combine, ImmutableHashSet<GuardFact> state)
        => IsCombineOfName(combine, state, out var name)
           && SymbolOf(name) is { } symbol
           && state.Contains(new GuardFact(GuardFactKind.SingleName, symbol));

    private bool HasNoSeparator(IOperation name, ImmutableHashSet<GuardFact> state)
    {
        if (SymbolOf(name) is { } symbol)
        {
            return state.Contains(new GuardFact(GuardFactKind.NameNoSeparator, symbol))
                   || state.Contains(new GuardFact(GuardFactKind.SingleName, symbol));
        }

        return Methods.IsNameOnly(name);
    }

    /// <summary>
    /// 'Path.GetDirectoryName(p) == folder' (p sits directly in a known folder) and 'Path.GetFileName(s) == s' (s has no
    /// separator), as equalities proven true; false when neither shape.
    /// </summary>
    private bool AddParentAndNameFacts(IOperation checkedSide, IOperation other, ImmutableHashSet<GuardFact> state, List<GuardFact> facts)
    {
        if (checkedSide.WithoutConversions() is not IInvocationOperation { Arguments.Length: 1 } call)
        {
            return false;
        }

        var argument = call.Arguments[0].Value;
        if (_known.IsPathMethod(call.TargetMethod, "GetDirectoryName"))
        {
            if (IsKnownFolder(other, state) && GetCheckedSubject(argument) is { } child)
            {
                facts.Add(new GuardFact(GuardFactKind.DirectChild, child));
            }

            return true;
        }

        if (_known.IsPathMethod(call.TargetMethod, "GetFileName")
            && SymbolOf(argument) is { } name
            && SymbolEqualityComparer.Default.Equals(name, SymbolOf(other)))
        {
            facts.Add(new GuardFact(GuardFactKind.NameNoSeparator, name));
            return true;
        }

        return false;
    }

    /// <summary>Calls that check a name or a folder membership; true when the call was one of them.</summary>
    private bool GetNameCallFacts(IInvocationOperation invocation, bool value, ImmutableHashSet<GuardFact> state, List<GuardFact> facts)
    {
        var method = invocation.TargetMethod;
        if (method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, _known.Guid)
            && method.Name is "TryParse" or "TryParseExact")
        {
            // A Guid's text has no separator and no dots.
            if (value && invocation.Arguments.Length > 0 && SymbolOf(invocation.Arguments[0].Value) is { } parsed)
            {
                facts.Add(new GuardFact(GuardFactKind.SingleName, parsed));
            }

            return true;
        }

        if (method.IsStatic && (IsStringMethod(method, "IsNullOrEmpty") || IsStringMethod(method, "IsNullOrWhiteSpace")))
        {
            if (!value && invocation.Arguments.Length == 1 && SymbolOf(invocation.Arguments[0].Value) is { } filled)
            {
                facts.Add(new GuardFact(GuardFactKind.NameNotEmpty, filled));
            }

            return true;
        }

        if (method.Name == "Contains" && SymbolEqualityComparer.Default.Equals(method.ContainingType, _known.Enumerable))
        {
            // 'Directory.GetDirectories(root).Contains(p)': p is one of the folder's own entries.
            if (value && invocation.Arguments.Length == 2 && IsFolderEntryEnumeration(invocation.Arguments[0].Value)
                && GetCheckedSubject(invocation.Arguments[1].Value) is { } entry)
            {
                facts.Add(new GuardFact(GuardFactKind.Contained, entry));
            }

            return true;
        }

        if (invocation.Arguments.Length == 2 && !IsStringMethod(method, "Equals") && Methods.IsEqualityHelper(invocation))
        {
            if (value)
            {
                AddEqualityFacts(invocation.Arguments[0].Value, invocation.Arguments[1].Value, state, facts);
            }

            return true;
        }

        return false;
    }

    /// <summary>'s is "." or ".."' (and with "") proven false: the name is not dots (not empty).</summary>
    private static void GetNamePatternFacts(IIsPatternOperation check, bool value, List<GuardFact> facts)
    {
        var pattern = check.Pattern;
        if (pattern is INegatedPatternOperation negated)
        {
            pattern = negated.Pattern;
            value = !value;
        }

        var constants = new HashSet<string>();
        if (value || SymbolOf(check.Value) is not { } name || !CollectConstants(pattern, constants))
        {
            return;
        }

        if (constants.Contains(".") && constants.Contains(".."))
        {
            facts.Add(new GuardFact(GuardFactKind.NameNotDots, name));
        }

        if (constants.Contains(string.Empty))
        {
            facts.Add(new GuardFact(GuardFactKind.NameNotEmpty, name));
        }
    }

    private static bool CollectConstants(IPatternOperation pattern, HashSet<string> constants)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: string text } }:
                constants.Add(text);
                return true;
            case IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or:
                return CollectConstants(or.LeftPattern, constants) && CollectConstants(or.RightPattern, constants);
            default:
                return false;
        }
    }

    /// <summary>
    /// 's.IndexOfAny(Path.GetInvalidFileNameChars()) &lt; 0' (or '== -1', or '&gt;= 0' proven false): no character
    /// that cannot be in a file name, and the running platform's separators are among them.
    /// </summary>
    private void GetIndexFacts(IBinaryOperation comparison, bool value, List<GuardFact> facts)
    {
        if (comparison.LeftOperand.WithoutConversions() is not IInvocationOperation { TargetMethod.Name: "IndexOfAny", Arguments.Length: 1 } index
            || !IsStringMethod(index.TargetMethod, "IndexOfAny")
            || index.Arguments[0].Value.WithoutConversions() is not IInvocationOperation invalid
            || !_known.IsPathMethod(invalid.TargetMethod, "GetInvalidFileNameChars")
            || comparison.RightOperand.ConstantValue is not { HasValue: true, Value: int bound }
            || SymbolOf(index.Instance) is not { } name)
        {
            return;
        }

        // The outcome proves "not found" when no found index (0 or more) could have given it.
        foreach (var probe in new[] { 0, 1, int.MaxValue, bound - 1, bound, bound + 1 })
        {
            if (probe < 0)
            {
                continue;
            }

            var outcome = Compare(comparison.OperatorKind, probe, bound);
            if (outcome is null || outcome == value)
            {
                return;
            }
        }

        facts.Add(new GuardFact(GuardFactKind.NameNoSeparator, name));
    }

    private static bool? Compare(BinaryOperatorKind kind, int left, int right)
        => kind switch
        {
            BinaryOperatorKind.Equals => left == right,
            BinaryOperatorKind.NotEquals => left != right,
            BinaryOperatorKind.LessThan => left < right,
            BinaryOperatorKind.LessThanOrEqual => left <= right,
            BinaryOperatorKind.GreaterThan => left > right,
            BinaryOperatorKind.GreaterThanOrEqual => left >= right,
            _ => null,
        };
}
