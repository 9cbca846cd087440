using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.RootedPathCombineSegments;

/// <summary>
/// PS0005: a segment after the first one passed to Path.Combine is rooted, so Combine drops every segment
/// before it: a constant, or a string whose leading text is rooted whatever follows ('$"/uploads/{name}"',
/// '"/" + name', 'Path.DirectorySeparatorChar + name'). Applies everywhere, not only to maintenance code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RootedPathCombineSegmentAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.RootedPathCombineSegment);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(AnalysisDefaults.GeneratedCode);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var path = KnownSymbols.GetOrCreate(start.Compilation).Path;
            if (path is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, path), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol path)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Combine" || !SymbolEqualityComparer.Default.Equals(method.ContainingType, path))
        {
            return;
        }

        var segments = PathSegments.Of(invocation);
        for (var i = 1; i < segments.Count; i++)
        {
            Check(context, segments[i], path);
        }
    }

    private static void Check(OperationAnalysisContext context, IOperation segment, INamedTypeSymbol path)
    {
        string shown;
        if (PathConstants.TryGetText(segment, out var text))
        {
            if (!PathText.IsRootedOnAnyPlatform(text))
            {
                return;
            }

            shown = Quote(text);
        }
        else if (LeadingText(segment, path, depth: 0) is { } prefix && PathText.IsRootedOnAnyPlatform(prefix))
        {
            // Shown as written: the segment's value is not known, only that it starts rooted.
            shown = segment.Syntax.ToString();
        }
        else
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RootedPathCombineSegment, segment.Syntax.GetLocation(), shown));
    }

    /// <summary>
    /// The text a string value is known to start with: a constant, a separator character, the first part of an
    /// interpolation or the left operand of a concatenation. Null when not known.
    /// </summary>
    private static string? LeadingText(IOperation value, INamedTypeSymbol path, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        value = value.WithoutImplicitConversions();
        if (value.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value switch
            {
                string text => text,
                char c => c.ToString(),
                _ => null,
            };
        }

        switch (value)
        {
            case IFieldReferenceOperation { Field: var field } when IsSeparatorField(field, path):
                // Path.DirectorySeparatorChar is '/' or '\' depending on the platform: rooted either way.
                return "/";
            case IInvocationOperation { TargetMethod.Name: nameof(ToString), Arguments.Length: 0, Instance: { } instance }:
                return instance.Type?.SpecialType == SpecialType.System_Char ? LeadingText(instance, path, depth + 1) : null;
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                return interpolated.Parts[0] switch
                {
                    IInterpolatedStringTextOperation part => part.Text.ConstantValue.Value as string,
                    IInterpolationOperation hole => LeadingText(hole.Expression, path, depth + 1),
                    _ => null,
                };
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                var left = LeadingText(concatenation.LeftOperand, path, depth + 1);
                return left is { Length: > 0 } ? left : null;
            default:
                return null;
        }
    }

    private static bool IsSeparatorField(IFieldSymbol field, INamedTypeSymbol path)
        => (field.Name == nameof(System.IO.Path.DirectorySeparatorChar) || field.Name == nameof(System.IO.Path.AltDirectorySeparatorChar))
           && SymbolEqualityComparer.Default.Equals(field.ContainingType, path);

    private static string Quote(string text) => "\"" + text + "\"";
}
