using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Knowledge
{
    /// <summary>The segments passed to 'Path.Combine' or 'Path.Join', in the order the method sees them.</summary>
    internal static class PathSegments
    {
        /// <summary>
        /// Every segment, whatever the overload: fixed parameters in parameter order (named arguments may be
        /// written in any order), then the elements of a 'params' array, an explicit 'new[] { ... }' or a
        /// collection expression. Empty when an argument cannot be read (broken code).
        /// </summary>
        public static List<IOperation> Get(IInvocationOperation invocation)
        {
            var segments = new List<IOperation>();
            foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
            {
                if (argument.Parameter is null)
                {
                    return new List<IOperation>();
                }

                if (argument.Parameter.IsParams)
                {
                    segments.AddRange(GetParamsElements(argument.Value));
                }
                else
                {
                    segments.Add(argument.Value);
                }
            }

            return segments;
        }

        public static IEnumerable<IOperation> GetParamsElements(IOperation value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (value is IArrayCreationOperation array)
            {
                return array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>();
            }

            // Collection expressions ('[a, "/b"]') and the newer compilers' 'params ReadOnlySpan<string>'
            // have no operation interface in Roslyn 4.8; their children are the elements.
            if (value.Syntax is CollectionExpressionSyntax || value.Kind == OperationKind.None)
            {
                return value.ChildOperations;
            }

            return Enumerable.Empty<IOperation>();
        }
    }
}
