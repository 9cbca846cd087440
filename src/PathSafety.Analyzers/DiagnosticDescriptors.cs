using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers;

/// <summary>
/// The one place that lists every rule's descriptor; <see cref="RuleCatalog"/> adds what the README's rule table says
/// beyond it. The README table, the CI globalconfig and the release-tracking rows are checked against both.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string PathsCategory = "PathSafety.Paths";
    public const string DeletesCategory = "PathSafety.Deletes";

    public static readonly DiagnosticDescriptor RelativePath = Create(
        RuleIdentifiers.RelativePath,
        title: "Relative path passed to a file-system API",
        messageFormat: "{0} receives the path {1}, which resolves against the current directory{2}",
        category: PathsCategory,
        description: "A relative path resolves against the process's current directory, which differs under a service manager, a scheduler, "
            + "an installer or a CI agent. Maintenance code should anchor paths to a known folder.");

    public static readonly DiagnosticDescriptor UnguardedDelete = Create(
        RuleIdentifiers.UnguardedDelete,
        title: "Delete without a containment guard",
        messageFormat: "{0} deletes {1} without a guard proving it stays inside the folder being cleaned",
        category: DeletesCategory,
        description: "A delete in maintenance code should be preceded by a check that its target is inside the folder the code means to "
            + "clean (for example PathGuard.EnsureWithin).");

    public static readonly DiagnosticDescriptor UnguardedRecursiveDelete = Create(
        RuleIdentifiers.UnguardedRecursiveDelete,
        title: "Recursive delete without a containment guard",
        messageFormat: "{0} recursively deletes {1} without a guard proving it stays inside the folder being cleaned",
        category: DeletesCategory,
        description: "A recursive delete removes a whole tree; without a containment guard a wrong or empty path wipes the wrong folder.");

    public static readonly DiagnosticDescriptor BroadEnumerationDelete = Create(
        RuleIdentifiers.BroadEnumerationDelete,
        title: "Delete loop over a broad enumeration",
        messageFormat: "{0} deletes every entry that {1} yields{2}, with no name or extension filter",
        category: DeletesCategory,
        description: "Deleting everything a broad enumeration ('*', '*.*') yields also deletes files the cleanup never meant to touch, such "
            + "as configuration files.");

    public static readonly DiagnosticDescriptor RootedPathCombineSegment = Create(
        RuleIdentifiers.RootedPathCombineSegment,
        title: "Rooted Path.Combine segment",
        messageFormat: "Path.Combine drops every segment before the rooted segment {0}",
        category: PathsCategory,
        description: "When a segment after the first passed to Path.Combine is rooted ('/x', '\\x' or 'C:\\x'), Path.Combine silently "
            + "discards everything before it, so the result is no longer inside the intended folder.");

    public static readonly DiagnosticDescriptor ProtectedFileDelete = Create(
        RuleIdentifiers.ProtectedFileDelete,
        title: "Delete can reach a protected file",
        messageFormat: "{0} can delete the protected file '{1}' (protected by {2})",
        category: DeletesCategory,
        description: "Protected files (configuration the application needs to start) must never be deleted by maintenance code; the same "
            + "list is verified in build outputs by the PathSafety build check.");

    public static readonly DiagnosticDescriptor WeakContainmentCheck = Create(
        RuleIdentifiers.WeakContainmentCheck,
        title: "Containment check does not prove containment",
        messageFormat: "This containment check can be passed by a path outside the folder: {0}",
        category: DeletesCategory,
        description: "A hand-written containment check must normalize the path with Path.GetFullPath, compare ordinally against a root that "
            + "ends with a directory separator, and not rely on '..' filters or Path.GetFullPath(path, root).");

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
