using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>Values that are a name with no directory separator: a path's name part, or text a sanitiser cleaned.</summary>
internal sealed partial class GuardMethods
{
    /// <summary>
    /// 'Path.GetFileName(x)' or 'GetFileNameWithoutExtension(x)', maybe trimmed, cased or with characters replaced by
    /// text that has no separator, or text whose invalid file-name characters were all replaced or split out: a name
    /// with no directory separator (it may still be "", "." or "..").
    /// </summary>
    public bool IsNameOnly(IOperation? value) => IsNameOnly(value, MaxDepth);

    private bool IsNameOnly(IOperation? value, int depth)
    {
        value = value?.WithoutConversions();
        if (value is IObjectCreationOperation creation)
        {
            return depth >= 0 && IsInvalidCharsReplaced(creation);
        }

        if (depth < 0 || value is not IInvocationOperation call)
        {
            return false;
        }

        if (IsJoinOfInvalidCharsSplit(call))
        {
            return true;
        }

        var method = call.TargetMethod;
        if (_guards.Known.IsPathMethod(method, "GetFileName") || _guards.Known.IsPathMethod(method, "GetFileNameWithoutExtension"))
        {
            return method.ReturnType.SpecialType == SpecialType.System_String;
        }

        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, _guards.Known.String) || method.IsStatic)
        {
            return IsNameSanitiser(call) && call.Arguments.Length > 0;
        }

        if (method.Name == "Replace")
        {
            // Replace(old, new), and the overloads that add a comparison or culture after them.
            return call.Arguments.Length >= 2
                   && call.Arguments[1].Value.ConstantValue is { HasValue: true } replacement
                   && (replacement.Value is null || replacement.Value.ToString().IndexOfAny(new[] { '/', '\\' }) < 0)
                   && IsNameOnly(call.Instance, depth - 1);
        }

        return method.Name is "Trim" or "TrimStart" or "TrimEnd" or "ToLowerInvariant" or "ToUpperInvariant" or "ToLower" or "ToUpper"
               && IsNameOnly(call.Instance, depth - 1);
    }

    /// <summary>
    /// 'new string(s.Select(c => invalid.Contains(c) ? '_' : c).ToArray())' with 'invalid' the result of
    /// Path.GetInvalidFileNameChars() (inline or a local's only value) and a replacement that is not a separator:
    /// every separator of the running platform is one of those characters.
    /// </summary>
    private bool IsInvalidCharsReplaced(IObjectCreationOperation creation)
    {
        if (creation.Type?.SpecialType != SpecialType.System_String
            || creation.Arguments.Length != 1
            || creation.Arguments[0].Value.WithoutConversions() is not IInvocationOperation { TargetMethod.Name: "ToArray" } toArray
            || !IsEnumerableCall(toArray)
            || toArray.Arguments.Length != 1
            || toArray.Arguments[0].Value.WithoutConversions() is not IInvocationOperation { TargetMethod.Name: "Select", Arguments.Length: 2 } select
            || !IsEnumerableCall(select)
            || select.Arguments[1].Value.WithoutConversions() is not IDelegateCreationOperation { Target: var target }
            || LambdaOf(target) is not { } lambda
            || lambda.Symbol.Parameters.Length != 1
            || lambda.Body.Operations.Length != 1
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: IConditionalOperation { WhenFalse: { } kept } choice })
        {
            return false;
        }

        var character = lambda.Symbol.Parameters[0];
        return choice.WhenTrue.WithoutConversions().ConstantValue is { HasValue: true, Value: char replacement }
               && replacement is not ('/' or '\\' or ':')
               && kept.WithoutConversions() is IParameterReferenceOperation { Parameter: var keptParameter }
               && SymbolEqualityComparer.Default.Equals(keptParameter, character)
               && choice.Condition.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "Contains" } contains
               && IsContainsOfInvalidChars(contains, character);
    }

    // A summary reads the helper's control-flow graph, where a lambda is a flow function: its tree form has the body.
    private IAnonymousFunctionOperation? LambdaOf(IOperation target) => target switch
    {
        IAnonymousFunctionOperation lambda => lambda,
        IFlowAnonymousFunctionOperation flow
            => SourceModels.GetOrCreate(_guards.Known.Compilation).GetOperation(flow.Syntax, null) as IAnonymousFunctionOperation,
        _ => null,
    };

    // 'invalid.Contains(c)' (LINQ, MemoryExtensions or an instance method): the set is the invalid file-name characters.
    private bool IsContainsOfInvalidChars(IInvocationOperation contains, IParameterSymbol character)
    {
        var operands = new List<IOperation>();
        if (contains.Instance is { } instance)
        {
            operands.Add(instance);
        }

        foreach (var argument in contains.Arguments)
        {
            operands.Add(argument.Value);
        }

        return operands.Count == 2
               && operands[1].WithoutConversions() is IParameterReferenceOperation { Parameter: var tested }
               && SymbolEqualityComparer.Default.Equals(tested, character)
               && IsInvalidFileNameChars(operands[0]);
    }

    /// <summary>
    /// 'string.Join("_", s.Split(Path.GetInvalidFileNameChars()))': the invalid characters split out, joined by text
    /// without separators.
    /// </summary>
    private bool IsJoinOfInvalidCharsSplit(IInvocationOperation join)
        => join.TargetMethod is { Name: "Join", IsStatic: true }
           && SymbolEqualityComparer.Default.Equals(join.TargetMethod.ContainingType, _guards.Known.String)
           && join.Arguments.Length == 2
           && join.Arguments[0].Value.WithoutConversions().ConstantValue is { HasValue: true, Value: var separator }
           && (separator?.ToString() ?? "").IndexOfAny(new[] { '/', '\\', ':' }) < 0
           && join.Arguments[1].Value.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "Split", Arguments.Length: >= 1 } split
           && SymbolEqualityComparer.Default.Equals(split.TargetMethod.ContainingType, _guards.Known.String)
           && IsInvalidFileNameChars(split.Arguments[0].Value);

    private bool IsInvalidFileNameChars(IOperation value)
    {
        value = value.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            value = LocalAssignments.TryGetSingleValue(local)?.WithoutConversions() ?? value;
        }

        return value is IInvocationOperation { Arguments.Length: 0 } call && _guards.Known.IsPathMethod(call.TargetMethod, "GetInvalidFileNameChars");
    }

    private bool IsEnumerableCall(IInvocationOperation call)
        => SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _guards.Known.Enumerable);
}
