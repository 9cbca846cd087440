using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// Every value an operation block assigns to each of its locals (flow-insensitive, writes as
/// <see cref="ValueWrites"/> classifies them): enough to ask "is every value this local can hold normalized /
/// separator-terminated". A write whose value is not followed is recorded as null.
/// </summary>
internal sealed class AssignmentTable
{
    private readonly Dictionary<ISymbol, List<IOperation?>> _values = new Dictionary<ISymbol, List<IOperation?>>(SymbolEqualityComparer.Default);

    // 'if (!root.EndsWith(…)) root += value;' per local or parameter (its span and value), and where each was last written otherwise.
    private readonly Dictionary<ISymbol, (Microsoft.CodeAnalysis.Text.TextSpan Span, IOperation Appended)> _separatorAppended =
        new Dictionary<ISymbol, (Microsoft.CodeAnalysis.Text.TextSpan, IOperation)>(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, int> _lastOtherWrite = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);

    private AssignmentTable()
    {
    }

    public static AssignmentTable Collect(ImmutableArray<IOperation> blocks)
    {
        var result = new AssignmentTable();
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                result.NoteIdiom(operation);
                List<ValueWrite>? writes = null;
                ValueWrites.Add(operation, ref writes);
                foreach (var write in writes ?? (IEnumerable<ValueWrite>)System.Array.Empty<ValueWrite>())
                {
                    result.Note(write);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The value appended by 'if (!root.EndsWith(…)) root += value;' when, at <paramref name="position"/>, that idiom
    /// came last and nothing wrote the local or parameter since; whether the value is a separator is the caller's
    /// (ContainmentCheckIngredients') knowledge.
    /// </summary>
    public bool TryGetAppendedBefore(ISymbol symbol, int position, out IOperation appended)
    {
        appended = null!;
        if (!_separatorAppended.TryGetValue(symbol, out var idiom)
            || position < idiom.Span.End
            || (_lastOtherWrite.TryGetValue(symbol, out var lastWrite) && lastWrite >= idiom.Span.Start))
        {
            return false;
        }

        appended = idiom.Appended;
        return true;
    }

    private void NoteIdiom(IOperation operation)
    {
        if (operation is IConditionalOperation { WhenFalse: null } conditional && AppendedUnlessEndsWith(conditional) is { } idiom)
        {
            _separatorAppended[idiom.Symbol] = (conditional.Syntax.Span, idiom.Appended);
        }
    }

    private void Note(ValueWrite write)
    {
        if (write.Target is ILocalSymbol)
        {
            Add(write.Target, write.Value);
        }

        if (write.Kind != ValueWriteKind.Initializer && !IsInsideSeparatorIdiom(write.Operation, write.Target))
        {
            var start = write.Operation.Syntax.SpanStart;
            _lastOtherWrite[write.Target] = System.Math.Max(_lastOtherWrite.TryGetValue(write.Target, out var last) ? last : -1, start);
        }
    }

    private bool IsInsideSeparatorIdiom(IOperation write, ISymbol symbol)
        => _separatorAppended.TryGetValue(symbol, out var idiom) && idiom.Span.Contains(write.Syntax.Span);

    /// <summary>The local or parameter of 'if (!x.EndsWith(…)) x += value;' (or 'x = x + value') and the value.</summary>
    private static (ISymbol Symbol, IOperation Appended)? AppendedUnlessEndsWith(IConditionalOperation conditional)
    {
        if (conditional.Condition.WithoutConversions() is not IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not
            || not.Operand.WithoutConversions() is not IInvocationOperation { TargetMethod.Name: "EndsWith", Instance: { } checkedValue }
            || ContainmentGuards.SymbolOf(checkedValue) is not { } symbol
            || symbol is not (ILocalSymbol or IParameterSymbol))
        {
            return null;
        }

        var statement = conditional.WhenTrue is IBlockOperation { Operations.Length: 1 } block ? block.Operations[0] : conditional.WhenTrue;
        var appended = (statement as IExpressionStatementOperation)?.Operation switch
        {
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound
                when SymbolEqualityComparer.Default.Equals(ContainmentGuards.SymbolOf(compound.Target), symbol) => compound.Value,
            ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add } assignment
                when SymbolEqualityComparer.Default.Equals(ContainmentGuards.SymbolOf(assignment.Target), symbol)
                     && SymbolEqualityComparer.Default.Equals(ContainmentGuards.SymbolOf(add.LeftOperand), symbol) => add.RightOperand,
            _ => null,
        };
        return appended is null ? null : (symbol, appended);
    }

    /// <summary>The values assigned to <paramref name="local"/>; false when it has none this block can see.</summary>
    public bool TryGetValues(ISymbol local, out IReadOnlyList<IOperation?> values)
    {
        if (local is ILocalSymbol && _values.TryGetValue(local, out var list))
        {
            values = list;
            return true;
        }

        values = System.Array.Empty<IOperation?>();
        return false;
    }

    /// <summary>True when the local has at least one assignment and every one satisfies <paramref name="predicate"/>.</summary>
    public bool All(ISymbol local, System.Func<IOperation, bool> predicate)
        => TryGetValues(local, out var values) && AllKnown(values, predicate);

    /// <summary>At least one value, none unknown (null), every one satisfying <paramref name="predicate"/>.</summary>
    public static bool AllKnown(IEnumerable<IOperation?> values, System.Func<IOperation, bool> predicate)
    {
        var any = false;
        foreach (var value in values)
        {
            if (value is null || !predicate(value))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private void Add(ISymbol local, IOperation? value)
    {
        if (!_values.TryGetValue(local, out var list))
        {
            list = new List<IOperation?>();
            _values.Add(local, list);
        }

        list.Add(value);
    }
}
