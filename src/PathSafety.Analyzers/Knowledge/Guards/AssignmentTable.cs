using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Knowledge.Guards
{
    /// <summary>
    /// Every value an operation block assigns to each of its locals (flow-insensitive): enough to ask
    /// "is every value this local can hold normalized / separator-terminated". A write whose value is
    /// unknown (compound assignment, out/ref argument) is recorded as null.
    /// </summary>
    internal sealed class AssignmentTable
    {
        private readonly Dictionary<ISymbol, List<IOperation?>> _values = new Dictionary<ISymbol, List<IOperation?>>(SymbolEqualityComparer.Default);

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
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator:
                            var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                            if (initializer is not null)
                            {
                                result.Add(declarator.Symbol, initializer.Value);
                            }

                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                            result.Add(local.Local, assignment.Value);
                            break;
                        case ICompoundAssignmentOperation { Target: ILocalReferenceOperation local }:
                            result.Add(local.Local, null);
                            break;
                        case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Value: ILocalReferenceOperation local }:
                            result.Add(local.Local, null);
                            break;
                        case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation local } when operation.Parent is IArgumentOperation:
                            result.Add(local.Local, null);
                            break;
                    }
                }
            }

            return result;
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
}
