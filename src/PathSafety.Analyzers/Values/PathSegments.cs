using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>The segments of a Path.Combine/Path.Join call in the order the method sees them.</summary>
internal static class PathSegments
{
    /// <summary>
    /// Every segment, by parameter position (named arguments may be written out of order); a params array,
    /// an explicit 'new[] { ... }' and a collection expression contribute their elements.
    /// </summary>
    public static IReadOnlyList<IOperation> Of(IInvocationOperation invocation)
    {
        var segments = new List<IOperation>();
        // Arguments come in evaluation order; named ones may be out of parameter order. A few items: no LINQ.
        var arguments = new List<IArgumentOperation>(invocation.Arguments.Length);
        foreach (var candidate in invocation.Arguments)
        {
            if (candidate.Parameter is not null)
            {
                arguments.Add(candidate);
            }
        }

        arguments.Sort(static (a, b) => a.Parameter!.Ordinal.CompareTo(b.Parameter!.Ordinal));
        foreach (var argument in arguments)
        {
            if (argument.Parameter!.IsParams)
            {
                segments.AddRange(ParamsElements(argument.Value));
            }
            else
            {
                segments.Add(argument.Value);
            }
        }

        return segments;
    }

    private static IEnumerable<IOperation> ParamsElements(IOperation value)
    {
        value = value.WithoutImplicitConversions();
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

        // An array built elsewhere: one segment whose parts are not known.
        return new[] { value };
    }
}
