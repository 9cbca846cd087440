using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Analyzers;

/// <summary>What every PathSafety analyzer tells the driver about generated code.</summary>
internal static class AnalysisDefaults
{
    /// <summary>
    /// Generated code is not analyzed: the driver skips generated files (name, header comment,
    /// 'generated_code' in .editorconfig) and every symbol marked [GeneratedCode] before any callback runs.
    /// <para>
    /// 'ReportDiagnostics' is set on purpose although nothing is analyzed there: without it the driver re-checks
    /// every reported diagnostic for a [GeneratedCode] symbol around its location, and the first such check in a
    /// file walks every token of the file, a cost that grows with the size of every file holding a finding
    /// (docs/performance.md has the measurement). The analyzers only report at operations of the code they analyzed,
    /// so no finding can land in generated code that the filter would have removed.
    /// </para>
    /// </summary>
    public const GeneratedCodeAnalysisFlags GeneratedCode = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
