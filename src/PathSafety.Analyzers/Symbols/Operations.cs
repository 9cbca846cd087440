using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Symbols;

/// <summary>Small operation-tree helpers the path and delete knowledge shares.</summary>
internal static class Operations
{
    /// <summary>
    /// The value under any implicit or explicit conversions ('(object)x', string to ReadOnlySpan...): what the guard
    /// and delete checks compare, where a cast does not change which path is meant.
    /// </summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The value under implicit conversions only ('string' to 'string?', to 'object'...). Path classification
    /// (<c>PathValue</c>, PS0001, PS0005) stops at an explicit cast: a cast written in the source is a value the
    /// classifier does not follow, so stripping it would make it claim more than it knows.
    /// </summary>
    public static IOperation WithoutImplicitConversions(this IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// What an instance stands for: for the instance of 'x?.M()' (a placeholder), the 'x' the conditional access reads;
    /// any other operation is itself.
    /// </summary>
    public static IOperation? ConditionalReceiver(this IOperation instance)
    {
        if (instance is not IConditionalAccessInstanceOperation)
        {
            return instance;
        }

        for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    /// <summary>
    /// The top of the operation tree <paramref name="operation"/> is in: the body of the member (lambdas and local
    /// functions are inside it), or the initializer of a field or property.
    /// </summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
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

    /// <summary>Whether <paramref name="operation"/> sits in a lambda or local function inside <paramref name="root"/>.</summary>
    public static bool IsInNestedFunction(this IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }
}
