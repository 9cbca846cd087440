using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// PS0004's view of a delete target that a string helper of the compilation made from an entry by only putting text
/// in front of it ('var file = LongPaths.Fix(f);' where every return of 'Fix(path)' is 'path', 'prefix + path' or
/// 'prefix + path.Substring(n)', the long-path forms): deleting it deletes the broad loop's entry, so the finding is
/// the broad pattern (PS0004), not a missing guard. Only PS0004 asks: this never makes a delete contained. Helpers
/// are summarised once per compilation, only for a delete no enumeration was found behind; metadata methods and
/// overridable ones are never read.
/// </summary>
internal static class PrefixedEntries
{
    /// <summary>The argument a prefixing helper was given for the delete target (directly, or through a local written once).</summary>
    public static IOperation? EntryBehind(IOperation target, KnownSymbols known)
    {
        var value = target.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            value = LocalAssignments.TryGetSingleValue(local)?.WithoutConversions();
        }

        if (value is not IInvocationOperation { Arguments.Length: > 0 } call)
        {
            return null;
        }

        var ordinal = known.GetOrCreateTable(static k => new Table(k)).Facts.Of(call);
        foreach (var argument in call.Arguments)
        {
            if (ordinal >= 0 && argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    // The ordinal of the parameter every returned value ends with, or -1.
    private static int PrefixedParameter(MemberValueSet returned)
    {
        IParameterSymbol? parameter = null;
        foreach (var value in returned.Values)
        {
            if (EndingParameter(value) is not { } ending
                || (parameter is not null && !SymbolEqualityComparer.Default.Equals(parameter, ending)))
            {
                return -1;
            }

            parameter = ending;
        }

        return parameter?.Ordinal ?? -1;
    }

    // 'path', 'prefix + path', 'prefix + path.Substring(n)': the parameter the value ends with.
    private static IParameterSymbol? EndingParameter(IOperation value)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            switch (value.WithoutConversions())
            {
                case IParameterReferenceOperation reference:
                    return reference.Parameter;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                    value = add.RightOperand;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Substring", Instance: IParameterReferenceOperation instance } substring
                    when substring.TargetMethod.ContainingType.SpecialType == SpecialType.System_String:
                    return instance.Parameter;
                default:
                    return null;
            }
        }

        return null;
    }

    private sealed class Table
    {
        public Table(KnownSymbols known)
        {
            Facts = new StringHelperFacts<int>(known, PrefixedParameter, unknown: -1);
        }

        public StringHelperFacts<int> Facts { get; }
    }
}
