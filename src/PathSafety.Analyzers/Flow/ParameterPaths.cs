using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// A string parameter of a summarised helper and the values in its body that name the same place: the parameter
/// itself, normalizations of it ('Path.GetFullPath(p)', trailing separators trimmed, case changed, a helper that
/// normalizes), and locals only ever assigned such values. A containment fact about any of them is a fact about the
/// caller's argument. Null (no summary) when the body assigns the parameter anything else.
/// </summary>
internal sealed class ParameterPaths
{
    private const int MaxDepth = 8;

    private readonly GuardMethods _methods;
    private readonly HashSet<ISymbol> _aliases = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

    private ParameterPaths(IParameterSymbol parameter, GuardMethods methods)
    {
        Parameter = parameter;
        _methods = methods;
        _aliases.Add(parameter);
    }

    public IParameterSymbol Parameter { get; }

    public static ParameterPaths? Create(IParameterSymbol parameter, IOperation body, GuardMethods methods)
    {
        var paths = new ParameterPaths(parameter, methods);
        var writes = ValueWrites.In(body);
        foreach (var write in writes)
        {
            if (SymbolEqualityComparer.Default.Equals(write.Target, parameter) && !paths.IsNormalized(write.Value))
            {
                return null;
            }
        }

        // Two passes: 'var full = Path.GetFullPath(path); var trimmed = full.TrimEnd(sep);' in either order.
        for (var pass = 0; pass < 2; pass++)
        {
            var candidates = new Dictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
            foreach (var write in writes)
            {
                if (write.Target is ILocalSymbol local)
                {
                    candidates[local] = (!candidates.TryGetValue(local, out var sofar) || sofar) && paths.IsNormalized(write.Value);
                }
            }

            foreach (var candidate in candidates)
            {
                if (candidate.Value)
                {
                    paths._aliases.Add(candidate.Key);
                }
            }
        }

        return paths;
    }

    /// <summary>Some value naming the parameter's place is proven contained.</summary>
    public bool IsContained(ImmutableHashSet<GuardFact> state)
    {
        foreach (var alias in _aliases)
        {
            if (state.Contains(new GuardFact(GuardFactKind.Contained, alias)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parameter, or a value computed from it that names the same folder or file.</summary>
    public bool IsNormalized(IOperation? value) => IsNormalized(value, MaxDepth);

    private bool IsNormalized(IOperation? value, int depth)
    {
        value = value?.WithoutConversions();
        if (value is null || depth < 0)
        {
            return false;
        }

        if (ContainmentGuards.SymbolOf(value) is { } symbol)
        {
            return _aliases.Contains(symbol);
        }

        var known = _methods.Known;
        switch (value)
        {
            case IInvocationOperation call
                when known.IsGetFullPath(call)
                     || (call.Arguments.Length == 1 && known.IsPathMethod(call.TargetMethod, "TrimEndingDirectorySeparator")):
                return IsNormalized(call.Arguments[0].Value, depth - 1);

            case IInvocationOperation call when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, known.String)
                                                && !call.TargetMethod.IsStatic:
                return IsSameFolderStringStep(call) && IsNormalized(call.Instance, depth - 1);

            case IInvocationOperation call when call.Arguments.Length > 0 && _methods.IsNormalizer(call):
                return IsNormalized(call.Arguments[0].Value, depth - 1);

            case IPropertyReferenceOperation
            {
                Property.Name: "LocalPath",
                Instance: IObjectCreationOperation { Arguments.Length: 1 } uri,
            } when uri.Type is INamedTypeSymbol { Name: "Uri" } uriType && KnownSymbols.IsNamespace(uriType.ContainingNamespace, "System"):
                return IsNormalized(uri.Arguments[0].Value, depth - 1);

            default:
                return false;
        }
    }

    /// <summary>Changing case, or trimming only directory separators, names the same folder (case aside: PS0007's business).</summary>
    private bool IsSameFolderStringStep(IInvocationOperation call)
    {
        switch (call.TargetMethod.Name)
        {
            case "ToUpperInvariant" or "ToLowerInvariant" or "ToUpper" or "ToLower":
                return true;
            case "TrimEnd":
                if (call.Arguments.Length == 0)
                {
                    return false;
                }

                foreach (var argument in call.Arguments)
                {
                    var values = argument.Value.WithoutConversions() is IArrayCreationOperation { Initializer: { } initializer }
                        ? initializer.ElementValues
                        : ImmutableArray.Create(argument.Value);
                    foreach (var element in values)
                    {
                        if (!IsSeparatorChar(element))
                        {
                            return false;
                        }
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private bool IsSeparatorChar(IOperation value)
    {
        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: char c })
        {
            return c is '/' or '\\';
        }

        return value is IFieldReferenceOperation { Field.Name: "DirectorySeparatorChar" or "AltDirectorySeparatorChar" } field
               && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _methods.Known.Path);
    }
}
