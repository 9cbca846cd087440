using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers;

/// <summary>
/// Every rule, in ID order, with what the README's rule table says about it beyond its descriptor. Tests in
/// tests/PathSafety.Analyzers.Tests/Catalog render the README table, the CI globalconfig and the release-tracking
/// rows from this list and fail with the text to paste; nothing else needs editing when a rule is added.
/// </summary>
internal static class RuleCatalog
{
    public const string MaintenanceCode = "Maintenance code";
    public const string Everywhere = "Everywhere";

    /// <summary>PS0001: the path a delete takes is judged outside maintenance code too (docs/maintenance-code.md).</summary>
    public const string MaintenanceCodeAndDeletes = MaintenanceCode + "; a delete's own path everywhere but tests";

    public static readonly RuleEntry[] Rules =
    [
        new(DiagnosticDescriptors.RelativePath, MaintenanceCodeAndDeletes, codeFix: "Yes", configurable: "Yes"),
        new(DiagnosticDescriptors.UnguardedDelete, MaintenanceCode, codeFix: "Yes (where the root is evident)", configurable: "Yes"),
        new(DiagnosticDescriptors.UnguardedRecursiveDelete, MaintenanceCode, codeFix: "Yes (where the root is evident)", configurable: "Yes"),
        new(DiagnosticDescriptors.BroadEnumerationDelete, MaintenanceCode, codeFix: "No", configurable: "Yes"),
        new(DiagnosticDescriptors.RootedPathCombineSegment, Everywhere, codeFix: "Yes", configurable: "Severity only"),
        new(DiagnosticDescriptors.ProtectedFileDelete, Everywhere, codeFix: "No", configurable: "Yes"),
        new(
            DiagnosticDescriptors.WeakContainmentCheck,
            Everywhere,
            codeFix: "Yes (separator, `GetFullPath`, ordinal)",
            configurable: "Severity, `pathsafety.guard_methods`"),
    ];
}

/// <summary>One row of the rule catalog: the descriptor and the README columns it cannot say itself.</summary>
internal sealed class RuleEntry
{
    public RuleEntry(DiagnosticDescriptor descriptor, string scope, string codeFix, string configurable)
    {
        Descriptor = descriptor;
        Scope = scope;
        CodeFix = codeFix;
        Configurable = configurable;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Where the rule looks: <see cref="RuleCatalog.MaintenanceCode"/> or <see cref="RuleCatalog.Everywhere"/>.</summary>
    public string Scope { get; }

    /// <summary>"No", or "Yes" with an optional note in parentheses; a test checks it against the shipped code fixes.</summary>
    public string CodeFix { get; }

    public string Configurable { get; }
}
