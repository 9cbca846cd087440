using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>A cheap first look at a value, before anything is read or bound.</summary>
internal sealed partial class PathValue
{
    /// <summary>
    /// False only where <see cref="Classify(IOperation)"/> cannot find the value relative on some path: a parameter, a
    /// constant that is not a relative path, a member or method of a referenced assembly that is no anchor (nothing
    /// of metadata is read), and every shape Classify does not follow. A caller with a costlier question than the
    /// classification itself (is this maintenance code?) asks this first; nothing outside the value is read.
    /// </summary>
    public bool MayBeRelative(IOperation value)
    {
        value = value.WithoutImplicitConversions();
        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value is string text && !PathText.IsFullyQualifiedOnSomePlatform(text) && PathText.IsRelative(text);
        }

        return value switch
        {
            IFieldReferenceOperation field => IsInSource(field.Field),
            IPropertyReferenceOperation property => IsInSource(property.Property) || IsRelativeAnchor(property),
            IInvocationOperation invocation => IsInSource(invocation.TargetMethod)
                                               || _anchors.IsPathMethod(invocation.TargetMethod)
                                               || IsRelativeAnchor(invocation),
            ILocalReferenceOperation or IConditionalOperation or ICoalesceOperation or ISwitchExpressionOperation
                or IInterpolatedStringOperation => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation => concatenation.Type?.SpecialType == SpecialType.System_String,
            _ => false,
        };
    }

    private static bool IsInSource(ISymbol symbol) => !symbol.OriginalDefinition.DeclaringSyntaxReferences.IsEmpty;

    private bool IsRelativeAnchor(IOperation value) => _anchors.Classify(value) is { IsRelativeOnSomePath: true };
}
