using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// What counts as a containment guard (docs/guards.md), one instance per compilation. The rules use it
/// through <see cref="GuardFlow"/>; it is also the API other rules reuse:
/// <list type="bullet">
/// <item><see cref="Methods"/>.<see cref="GuardMethods.TryGetGuardCall"/>: is this call a guard method, and on which argument.</item>
/// <item><see cref="GetConditionFacts"/>: what a branch condition proves when it is true or false.</item>
/// <item><see cref="IsContainedValue"/>: is a value contained by construction, provenance or a guard's return.</item>
/// <item><see cref="IsFolderEntryEnumeration"/>: does a collection enumerate a folder, so every element stays inside it.</item>
/// </list>
/// Facts are about locals and parameters (<see cref="GuardFact"/>); everything else is never proven.
/// </summary>
internal sealed partial class ContainmentGuards
{
    private readonly KnownSymbols _known;
    private readonly SafeNames _names;
    private readonly PathAnchors _anchors;
    private readonly MemberProvenance _members;
    private readonly WrappedPaths _wrappers;

    private ContainmentGuards(KnownSymbols known, AnalyzerOptions options)
    {
        _known = known;
        Methods = GuardMethods.Create(this, options);
        _names = SafeNames.GetOrCreate(known);
        _anchors = new PathAnchors(known);
        _members = new MemberProvenance(this);
        _wrappers = new WrappedPaths(this);
    }

    public GuardMethods Methods { get; }

    public KnownSymbols Known => _known;

    public static ContainmentGuards Create(KnownSymbols known, AnalyzerOptions options) => new ContainmentGuards(known, options);

    /// <summary>The local or parameter an operation reads, through conversions; null for anything else.</summary>
    public static ISymbol? SymbolOf(IOperation? operation)
    {
        operation = operation?.WithoutConversions();
        return operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    /// <summary>Adds every local and parameter <paramref name="value"/> reads (<see cref="SymbolOf"/>) to <paramref name="into"/>.</summary>
    public static void AddSymbolsRead(IOperation value, HashSet<ISymbol> into)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is not IConversionOperation && SymbolOf(operation) is { } symbol)
            {
                into.Add(symbol);
            }
        }
    }

    /// <summary>Facts that hold when <paramref name="condition"/> evaluated to <paramref name="value"/>.</summary>
    public void GetConditionFacts(IOperation condition, bool value, ImmutableHashSet<GuardFact> state, List<GuardFact> facts)
    {
        condition = condition.WithoutConversions();
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                GetConditionFacts(not.Operand, !value, state, facts);
                break;

            case ILocalReferenceOperation local when local.Type?.SpecialType == SpecialType.System_Boolean:
                var wanted = value ? GuardFactKind.TrueMeansContained : GuardFactKind.FalseMeansContained;
                foreach (var fact in state)
                {
                    if (fact.Kind == wanted && fact.Other is not null && SymbolEqualityComparer.Default.Equals(fact.Subject, local.Local))
                    {
                        facts.Add(new GuardFact(GuardFactKind.Contained, fact.Other));
                    }
                }

                break;

            case IBinaryOperation index when index.LeftOperand.Type?.SpecialType == SpecialType.System_Int32:
                GetIndexFacts(index, value, facts);
                break;

            case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                GetComparisonFacts(binary, value == (binary.OperatorKind == BinaryOperatorKind.Equals), state, facts);
                break;

            case IInvocationOperation invocation:
                GetCallFacts(invocation, value, state, facts);
                break;

            case IIsPatternOperation
            {
                Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool constant } },
            } isConstant:
                // 'check is false', 'check is true'.
                GetConditionFacts(isConstant.Value, value == constant, state, facts);
                break;

            case IIsPatternOperation
            {
                Pattern: INegatedPatternOperation
                {
                    Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool negated } },
                },
            } isNot:
                GetConditionFacts(isNot.Value, value != negated, state, facts);
                break;

            case IIsPatternOperation names:
                GetNamePatternFacts(names, value, facts);
                break;
        }
    }

    private void GetComparisonFacts(IBinaryOperation binary, bool equal, ImmutableHashSet<GuardFact> state, List<GuardFact> facts)
    {
        if (BoolConstant(binary.RightOperand) is bool right)
        {
            GetConditionFacts(binary.LeftOperand, equal == right, state, facts);
        }
        else if (BoolConstant(binary.LeftOperand) is bool left)
        {
            GetConditionFacts(binary.RightOperand, equal == left, state, facts);
        }
        else if (equal && binary.LeftOperand.Type?.SpecialType == SpecialType.System_String)
        {
            AddEqualityFacts(binary.LeftOperand, binary.RightOperand, state, facts);
        }
    }

    private void GetCallFacts(IInvocationOperation invocation, bool value, ImmutableHashSet<GuardFact> state, List<GuardFact> facts)
    {
        var method = invocation.TargetMethod;
        if (GetNameCallFacts(invocation, value, state, facts))
        {
            return;
        }

        if (Methods.TryGetGuardCall(invocation, out var guarded) == GuardMethodKind.Predicate)
        {
            if (value && SymbolOf(guarded) is { } symbol)
            {
                facts.Add(new GuardFact(GuardFactKind.Contained, symbol));
            }

            return;
        }

        if (IsStringMethod(method, "StartsWith") && !method.IsStatic && invocation.Arguments.Length > 0)
        {
            var prefix = invocation.Arguments[0].Value;
            if (StartsWithParentSegment(prefix))
            {
                if (!value && SymbolOf(invocation.Instance) is { } relative)
                {
                    facts.Add(new GuardFact(GuardFactKind.NoParentPrefix, relative));
                }
            }
            else if (value && IsFolderPrefix(prefix) && GetCheckedSubject(invocation.Instance) is { } subject)
            {
                facts.Add(new GuardFact(GuardFactKind.Contained, subject));
            }

            return;
        }

        if (IsStringMethod(method, "Equals") && value)
        {
            if (!method.IsStatic && invocation.Arguments.Length > 0 && invocation.Instance is not null)
            {
                AddEqualityFacts(invocation.Instance, invocation.Arguments[0].Value, state, facts);
            }
            else if (method.IsStatic && invocation.Arguments.Length >= 2)
            {
                AddEqualityFacts(invocation.Arguments[0].Value, invocation.Arguments[1].Value, state, facts);
            }

            return;
        }

        if (!value
            && invocation.Arguments.Length == 1
            && (_known.IsPathMethod(method, "IsPathRooted") || _known.IsPathMethod(method, "IsPathFullyQualified"))
            && SymbolOf(invocation.Arguments[0].Value) is { } rooted)
        {
            facts.Add(new GuardFact(GuardFactKind.NotRooted, rooted));
        }
    }

    /// <summary>
    /// The symbol a prefix check proves something about: 'full' in 'full.StartsWith(root)', 'p' in
    /// 'Path.GetFullPath(p).StartsWith(root)', 'info' in 'info.FullName.StartsWith(root)'.
    /// </summary>
    public ISymbol? GetCheckedSubject(IOperation? checkedValue)
    {
        checkedValue = checkedValue?.WithoutConversions();
        if (SymbolOf(checkedValue) is { } symbol)
        {
            return symbol;
        }

        if (checkedValue is IInvocationOperation call && _known.IsPathMethod(call.TargetMethod, "GetFullPath") && call.Arguments.Length > 0)
        {
            return SymbolOf(call.Arguments[0].Value);
        }

        return checkedValue is IPropertyReferenceOperation { Property.Name: "FullName" } property ? SymbolOf(property.Instance) : null;
    }

    private void AddEqualityFacts(IOperation left, IOperation right, ImmutableHashSet<GuardFact> state, List<GuardFact> facts)
    {
        // 'path == null' or 'path == ""' is a null/empty check, not a comparison with a known path.
        if (IsNullOrEmptyConstant(left) || IsNullOrEmptyConstant(right))
        {
            return;
        }

        if (AddParentAndNameFacts(left, right, state, facts) || AddParentAndNameFacts(right, left, state, facts))
        {
            return;
        }

        if (GetCheckedSubject(left) is { } leftSymbol)
        {
            facts.Add(new GuardFact(GuardFactKind.Contained, leftSymbol));
        }

        if (GetCheckedSubject(right) is { } rightSymbol)
        {
            facts.Add(new GuardFact(GuardFactKind.Contained, rightSymbol));
        }
    }

    /// <summary>
    /// A StartsWith argument that names a folder: any non-constant string not built on relative constant text, or a
    /// constant absolute path with at least one folder name. '"http"', '"\\\\"', '"/"' or '"~"' test a kind of path,
    /// and '"content" + sep' a relative prefix, not containment.
    /// </summary>
    public static bool IsFolderPrefix(IOperation prefix)
    {
        if (prefix.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        if (prefix.WithoutConversions().ConstantValue is not { HasValue: true, Value: string text })
        {
            // '"content" + Path.DirectorySeparatorChar': text built on a relative constant is a relative prefix.
            return LeadingConstant(prefix) is not { Length: > 0 } leading || PathText.IsFullyQualifiedOnSomePlatform(leading);
        }

        if (!PathText.IsFullyQualifiedOnSomePlatform(text))
        {
            return false;
        }

        foreach (var part in text.Split('/', '\\'))
        {
            if (part.Length > 0 && part != "." && part != ".." && !(part.Length == 2 && part[1] == ':') && part != "?")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The constant text a concatenation or interpolation starts with, if any.</summary>
    private static string? LeadingConstant(IOperation value)
    {
        for (var depth = 0; depth < 8; depth++)
        {
            value = value.WithoutConversions();
            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }

            switch (value)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                    value = add.LeftOperand;
                    break;
                case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated:
                    return interpolated.Parts[0] switch
                    {
                        IInterpolatedStringTextOperation part => part.Text.ConstantValue.Value as string,
                        IInterpolationOperation part => part.Expression.WithoutConversions().ConstantValue.Value as string,
                        _ => null,
                    };
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// 'GetRelativePath(root, x)' checked for a leading ".." and for being rooted proves 'x' contained; a name checked
    /// for separators, dots and emptiness is a single name.
    /// </summary>
    public static ImmutableHashSet<GuardFact> Close(ImmutableHashSet<GuardFact> state)
    {
        // Each rule needs three facts about the same value.
        if (state.Count < 3)
        {
            return state;
        }

        foreach (var fact in state)
        {
            if (fact.Kind == GuardFactKind.NameNoSeparator
                && state.Contains(new GuardFact(GuardFactKind.NameNotDots, fact.Subject))
                && state.Contains(new GuardFact(GuardFactKind.NameNotEmpty, fact.Subject)))
            {
                state = state.Add(new GuardFact(GuardFactKind.SingleName, fact.Subject));
            }

            if (fact.Kind == GuardFactKind.RelativePathOf
                && fact.Other is not null
                && state.Contains(new GuardFact(GuardFactKind.NoParentPrefix, fact.Subject))
                && state.Contains(new GuardFact(GuardFactKind.NotRooted, fact.Subject)))
            {
                state = state.Add(new GuardFact(GuardFactKind.Contained, fact.Other));
            }
        }

        return state;
    }

    public bool IsStringMethod(IMethodSymbol method, string name)
        => method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType, _known.String);

    private static bool StartsWithParentSegment(IOperation prefix)
    {
        prefix = prefix.WithoutConversions();
        if (prefix.ConstantValue is { HasValue: true, Value: string text })
        {
            return text.StartsWith("..", System.StringComparison.Ordinal);
        }

        return prefix is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add && StartsWithParentSegment(add.LeftOperand);
    }

    private static bool? BoolConstant(IOperation operation)
        => operation.ConstantValue is { HasValue: true, Value: bool b } ? b : null;

    private static bool IsNullOrEmptyConstant(IOperation operation)
    {
        var constant = operation.WithoutConversions().ConstantValue;
        return constant.HasValue && (constant.Value is null || (constant.Value is string s && s.Length == 0));
    }
}
