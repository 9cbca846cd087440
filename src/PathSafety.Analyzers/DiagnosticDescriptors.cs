using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers
{
    /// <summary>The one place that lists every rule's descriptor.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string PathsCategory = "PathSafety.Paths";
        public const string DeletesCategory = "PathSafety.Deletes";

        public static readonly DiagnosticDescriptor RootedPathCombineSegment = Create(
            RuleIdentifiers.RootedPathCombineSegment,
            title: "Path.Combine segment is rooted",
            messageFormat: "Path.Combine drops every segment before the rooted segment {0}",
            category: PathsCategory,
            description: "When a segment after the first passed to Path.Combine is rooted ('/x', '\\x' or 'C:\\x'), Path.Combine silently discards everything before it, so the result is no longer inside the intended folder.");

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            string description,
            DiagnosticSeverity severity = DiagnosticSeverity.Warning,
            bool isEnabledByDefault = true)
            => new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault,
                description,
                helpLinkUri: RuleIdentifiers.GetHelpUri(id));
    }
}
