using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// PS0004 (maintenance code): a delete of what a folder enumeration yields when the enumeration has no pattern
/// or one that matches everything ('*', '*.*') and no name or extension test decides which entries go. That is
/// how a log cleanup deletes the configuration file that sits next to the logs.
/// </summary>
internal static class BroadEnumerationDelete
{
    public static Diagnostic? Find(OperationAnalysisContext context, DeleteRuleContext rules, DeleteSite site)
    {
        var apis = EnumerationApis.GetOrCreate(rules.Known);
        var elements = EnumeratedElements.FindAll(site.Target, apis);
        if (elements.IsEmpty
            && site.Target.WithoutConversions() is ILocalReferenceOperation or IInvocationOperation
            && rules.Scope.IsMaintenanceCode(context.ContainingSymbol, site.Invocation)
            && PrefixedEntries.EntryBehind(site.Target, rules.Known) is { } entry)
        {
            // 'File.Delete(LongPaths.Fix(f))': the entry with text in front is still the broad loop's entry.
            elements = EnumeratedElements.FindAll(entry, apis);
        }

        foreach (var element in elements)
        {
            // One broad way in is enough: a list filled from '*.log' and from '*' holds every name.
            if (!element.Source.IsBroad || !DeletesWhatItYields(site, element.Source))
            {
                continue;
            }

            if (!rules.Scope.IsMaintenanceCode(context.ContainingSymbol, site.Invocation))
            {
                return null;
            }

            var filters = ElementFilters.Find(element, site.Invocation, apis, rules.Guards.Methods);
            if (filters.HasNameFilter || filters.HasGuard)
            {
                continue;
            }

            var source = element.Source;
            return Diagnostic.Create(
                DiagnosticDescriptors.BroadEnumerationDelete,
                site.Invocation.Syntax.GetLocation(),
                site.ApiName,
                Describe(source),
                source.Recursion is null ? string.Empty : " in every subfolder (" + source.Recursion + ")");
        }

        return null;
    }

    /// <summary>"Directory.GetFiles (no pattern)", "DirectoryInfo.EnumerateFiles (pattern \"*.*\")".</summary>
    public static string Describe(EnumerationSource source)
        => source.Display + (source.Pattern is null ? " (no pattern)" : " (pattern \"" + source.Pattern + "\")");

    /// <summary>
    /// A file delete over files, or a recursive folder delete over folders: a non-recursive folder delete only
    /// removes empty folders, and a file delete of a folder path fails.
    /// </summary>
    public static bool DeletesWhatItYields(DeleteSite site, EnumerationSource source)
        => site.DeletesDirectory
            ? site.IsRecursive && source.YieldsDirectories
            : source.YieldsFiles;
}
