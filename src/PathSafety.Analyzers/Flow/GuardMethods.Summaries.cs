using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>
/// Guards recognised from their bodies (docs/guards.md, "Guard methods"): an unmarked method of the compilation is
/// summarised the first time a call to it is judged, once per compilation (thread-safe, keyed by symbol), with cycles
/// cut and nesting limited; a method from metadata is never summarised. Its body is read through
/// <see cref="SourceModels"/> and analysed with the same <see cref="GuardFlow"/> as the method that calls it.
/// </summary>
internal sealed partial class GuardMethods
{
    private const int MaxDepth = 4;

    private readonly ContainmentGuards _guards;
    private readonly SymbolSummaries<IMethodSymbol, GuardSummary> _summaries = new(MaxDepth, GuardSummary.None);

    public KnownSymbols Known => _guards.Known;

    /// <summary>'Equal(a, b)' returns true only when its two path arguments name the same folder (normalized alike).</summary>
    public bool IsEqualityHelper(IInvocationOperation invocation)
        => invocation.Arguments.Length == 2 && Summarize(invocation.TargetMethod).IsEquality;

    /// <summary>'Normalize(p)' returns its argument through steps that keep the folder it names.</summary>
    public bool IsNormalizer(IInvocationOperation invocation) => Summarize(invocation.TargetMethod).IsNormalizer;

    /// <summary>'Sanitize(s)' returns the name part of its input ('Path.GetFileName', characters replaced): no separator.</summary>
    public bool IsNameSanitiser(IInvocationOperation invocation) => Summarize(invocation.TargetMethod).IsNameSanitiser;

    private GuardMethodKind TryGetSummarizedCall(IInvocationOperation invocation, out IOperation? guardedPath)
    {
        guardedPath = null;
        var summary = Summarize(invocation.TargetMethod);
        if (summary.Kind == GuardMethodKind.None)
        {
            return GuardMethodKind.None;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == summary.Ordinal)
            {
                guardedPath = argument.Value;
            }
        }

        // A 'string' helper whose every return is contained guards its return value even when no argument is proven.
        return guardedPath is not null || summary.Kind == GuardMethodKind.ReturnsPath ? summary.Kind : GuardMethodKind.None;
    }

    private GuardSummary Summarize(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!IsCandidate(method))
        {
            return GuardSummary.None;
        }

        return _summaries.GetOrCompute(method, this, static (m, self) => self.Compute(m));
    }

    /// <summary>Cheap, before any binding: an ordinary method declared once in source, with a body and a string parameter.</summary>
    private static bool IsCandidate(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        if (!method.ReturnsVoid
            && method.ReturnType.SpecialType != SpecialType.System_Boolean
            && method.ReturnType.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String && parameter.RefKind == RefKind.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Guard helpers are short (a normalization, a check, a throw); a longer method is not read as one, so a deleting
    /// method that calls large methods of its compilation does not bind and solve each of them.
    /// </summary>
    private const int MaxHelperLength = 2000;

    private GuardSummary Compute(IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences[0].GetSyntax() is not MethodDeclarationSyntax declaration
            || (declaration.Body is null && declaration.ExpressionBody is null)
            || declaration.Span.Length > MaxHelperLength
            || SourceModels.GetOrCreate(_guards.Known.Compilation).GetOperation(declaration, null) is not IMethodBodyOperation body
            || GraphOf(body) is not { } graph)
        {
            return GuardSummary.None;
        }

        var flow = new GuardFlow(_guards, graph);
        var parameters = new List<ParameterPaths>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String && parameter.RefKind == RefKind.None
                && ParameterPaths.Create(parameter, body, this) is { } paths)
            {
                parameters.Add(paths);
            }
        }

        if (parameters.Count == 0)
        {
            return GuardSummary.None;
        }

        if (method.ReturnsVoid)
        {
            var thrown = ProvenParameter(flow, parameters, (state, _, p) => p.IsContained(state));
            return thrown is not null
                ? new GuardSummary(GuardMethodKind.Throwing, thrown.Value)
                : GuardSummary.None;
        }

        if (method.ReturnType.SpecialType == SpecialType.System_Boolean)
        {
            if (parameters.Count >= 2 && flow.AtEveryReturn((_, value) => IsFalse(value) || IsParameterEquality(value, parameters)))
            {
                return GuardSummary.Equality;
            }

            var predicate = ProvenParameter(flow, parameters,
                (state, value, p) => IsFalse(value) || (value is not null && p.IsContained(flow.Branch(state, value, true))));
            return predicate is not null
                ? new GuardSummary(GuardMethodKind.Predicate, predicate.Value)
                : GuardSummary.None;
        }

        if (flow.AtEveryReturn((_, value) => IsNameOnly(value, MaxDepth)))
        {
            return GuardSummary.NameSanitiser;
        }

        if (flow.AtEveryReturn((_, value) => parameters[0].IsNormalized(value)))
        {
            return GuardSummary.Normalizer;
        }

        if (!flow.AtEveryReturn((state, value) => _guards.IsContainedValue(value, state)))
        {
            return GuardSummary.None;
        }

        return new GuardSummary(GuardMethodKind.ReturnsPath, ProvenParameter(flow, parameters, (state, _, p) => p.IsContained(state)) ?? -1);
    }

    /// <summary>The body's graph; null for code the compiler cannot turn into one (broken code while typing).</summary>
    private static ControlFlowGraph? GraphOf(IMethodBodyOperation body)
    {
        try
        {
            return ControlFlowGraphs.GetOrCreate(body);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The ordinal of the parameter proven at every return (one named like a path first), or null.</summary>
    private static int? ProvenParameter(GuardFlow flow, List<ParameterPaths> parameters,
        Func<ImmutableHashSet<GuardFact>, IOperation?, ParameterPaths, bool> proven)
    {
        int? found = null;
        foreach (var candidate in parameters)
        {
            if (flow.AtEveryReturn((state, value) => proven(state, value, candidate)))
            {
                if (IsPathName(candidate.Parameter.Name))
                {
                    return candidate.Parameter.Ordinal;
                }

                found ??= candidate.Parameter.Ordinal;
            }
        }

        return found;
    }

    private static bool IsFalse(IOperation? value) => value?.WithoutConversions().ConstantValue is { HasValue: true, Value: false };

    /// <summary>'N(a) == N(b)', 'string.Equals(N(a), N(b), …)' or 'N(a).Equals(N(b), …)' for two different parameters.</summary>
    private bool IsParameterEquality(IOperation? value, List<ParameterPaths> parameters)
    {
        IOperation? left = null;
        IOperation? right = null;
        switch (value?.WithoutConversions())
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } binary
                when binary.LeftOperand.Type?.SpecialType == SpecialType.System_String:
                (left, right) = (binary.LeftOperand, binary.RightOperand);
                break;
            case IInvocationOperation call when _guards.IsStringMethod(call.TargetMethod, "Equals"):
                if (!call.TargetMethod.IsStatic && call.Instance is not null && call.Arguments.Length > 0)
                {
                    (left, right) = (call.Instance, call.Arguments[0].Value);
                }
                else if (call.TargetMethod.IsStatic && call.Arguments.Length >= 2)
                {
                    (left, right) = (call.Arguments[0].Value, call.Arguments[1].Value);
                }

                break;
        }

        if (left is null || right is null)
        {
            return false;
        }

        foreach (var first in parameters)
        {
            foreach (var second in parameters)
            {
                if (!ReferenceEquals(first, second) && first.IsNormalized(left) && second.IsNormalized(right))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What a summary found a method to be.</summary>
    private sealed class GuardSummary
    {
        public static readonly GuardSummary None = new GuardSummary(GuardMethodKind.None, -1);
        public static readonly GuardSummary Equality = new GuardSummary(GuardMethodKind.None, -1) { IsEquality = true };
        public static readonly GuardSummary Normalizer = new GuardSummary(GuardMethodKind.None, -1) { IsNormalizer = true };
        public static readonly GuardSummary NameSanitiser = new GuardSummary(GuardMethodKind.None, -1) { IsNameSanitiser = true };

        public GuardSummary(GuardMethodKind kind, int ordinal)
        {
            Kind = kind;
            Ordinal = ordinal;
        }

        public GuardMethodKind Kind { get; }

        /// <summary>The parameter proven contained; -1 when none is (a 'string' helper whose returns are contained).</summary>
        public int Ordinal { get; }

        public bool IsEquality { get; private set; }

        public bool IsNormalizer { get; private set; }

        public bool IsNameSanitiser { get; private set; }
    }
}
