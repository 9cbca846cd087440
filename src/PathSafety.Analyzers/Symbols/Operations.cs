using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Symbols;

/// <summary>Small operation-tree helpers the path and delete knowledge shares.</summary>
internal static class Operations
{
    /// <summary>The value under any implicit or explicit conversions ('(object)x', string to ReadOnlySpan...).</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The value passed for a parameter by name, whatever the argument order; null when defaulted or absent.</summary>
    public static IOperation? ArgumentFor(this IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
