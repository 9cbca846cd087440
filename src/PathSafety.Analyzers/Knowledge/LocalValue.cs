using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Knowledge
{
    /// <summary>
    /// The value of a local that is written exactly once ('var path = Path.Combine(dir, "x.json");'), found in the
    /// operation tree of the enclosing member. Any second write, compound assignment or ref/out use makes the
    /// value unknown. Only run for operations the delete rules already care about.
    /// </summary>
    internal static class LocalValue
    {
        public static IOperation? TryGetSingleValue(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.IsRef || local.IsConst)
            {
                return null;
            }

            var root = (IOperation)reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            IOperation? value = null;
            var writes = 0;
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.Initializer is not null)
                        {
                            value = declarator.Initializer.Value;
                            writes++;
                        }

                        break;
                    case ISimpleAssignmentOperation assignment when IsLocal(assignment.Target, local):
                        value = assignment.Value;
                        writes++;
                        break;
                    case ICompoundAssignmentOperation compound when IsLocal(compound.Target, local):
                    case ICoalesceAssignmentOperation coalesce when IsLocal(coalesce.Target, local):
                    case IDeconstructionAssignmentOperation deconstruction when Mentions(deconstruction.Target, local):
                    case IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In } argument when Mentions(argument.Value, local):
                        return null;
                }
            }

            return writes == 1 ? value : null;
        }

        private static bool IsLocal(IOperation target, ILocalSymbol local)
            => target is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

        private static bool Mentions(IOperation operation, ILocalSymbol local)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (IsLocal(descendant, local))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
