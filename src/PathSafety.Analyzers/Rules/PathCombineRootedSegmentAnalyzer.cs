using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Knowledge;

namespace PathSafety.Analyzers.Rules
{
    /// <summary>
    /// PS0005: a constant segment after the first one passed to Path.Combine is rooted, so Combine drops
    /// every segment before it. Applies everywhere, not only to maintenance code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PathCombineRootedSegmentAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(DiagnosticDescriptors.RootedPathCombineSegment);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var path = start.Compilation.GetTypeByMetadataName("System.IO.Path");
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
                Check(context, segments[i]);
            }
        }

        private static void Check(OperationAnalysisContext context, IOperation segment)
        {
            var constant = segment.ConstantValue;
            if (constant.HasValue && constant.Value is string text && PathText.IsRootedOnAnyPlatform(text))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RootedPathCombineSegment,
                    segment.Syntax.GetLocation(),
                    Quote(text)));
            }
        }

        private static string Quote(string text) => "\"" + text + "\"";
    }
}
