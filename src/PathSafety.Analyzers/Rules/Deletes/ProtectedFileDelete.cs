using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Enumerations;
using PathSafety.Analyzers.Flow;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Rules.Deletes;

/// <summary>
/// PS0006: a delete that can reach a protected file, everywhere (not only maintenance code). Either the
/// path's constant tail names a protected entry, or the delete removes what an enumeration yields and the
/// enumeration's pattern can yield a protected name. A containment guard does not silence it: a guard proves
/// the folder, not the file.
/// </summary>
internal static class ProtectedFileDelete
{
    public static Diagnostic? Find(OperationAnalysisContext context, DeleteRuleContext rules, DeleteSite site)
    {
        var tree = site.Invocation.Syntax.SyntaxTree;
        var list = ProtectedFiles.GetOrCreate(context.Options, tree);
        if (list.IsEmpty)
        {
            return null;
        }

        var entry = FindByConstantTail(rules, site, list) ?? FindByEnumeration(rules, site, list);
        return entry is null
            ? null
            : Diagnostic.Create(
                DiagnosticDescriptors.ProtectedFileDelete,
                site.Invocation.Syntax.GetLocation(),
                site.ApiName,
                entry.Text,
                entry.SourceDescription);
    }

    private static ProtectedEntry? FindByConstantTail(DeleteRuleContext rules, DeleteSite site, ProtectedFiles list)
    {
        var tail = ConstantPathTail.Resolve(site.Target, rules.Known);
        if (tail.Count == 0 || IsInFreshFolder(site.Target, rules))
        {
            return null;
        }

        if (!site.DeletesDirectory)
        {
            return list.FindFile(tail);
        }

        // A folder delete reaches a protected file only when it takes the folder's contents with it.
        return site.IsRecursive ? list.FindInsideFolder(tail) : null;
    }

    /// <summary>
    /// A delete of what an enumeration yields reaches a protected entry when the pattern can yield its name
    /// ('*.json' and 'appsettings.json', 'widgets*' and 'config/widgets.json') and the folder does not rule it
    /// out. A pattern that matches everything says nothing about the protected file in particular, so it needs
    /// evidence that the folder holds it (the application's base directory, or the entry's own folder);
    /// without it the loop is PS0004's business.
    /// </summary>
    private static ProtectedEntry? FindByEnumeration(DeleteRuleContext rules, DeleteSite site, ProtectedFiles list)
    {
        var apis = EnumerationApis.GetOrCreate(rules.Known);
        foreach (var element in EnumeratedElements.FindAll(site.Target, apis))
        {
            if (FindByEnumeration(rules, site, list, element, apis) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }

    private static ProtectedEntry? FindByEnumeration(DeleteRuleContext rules, DeleteSite site, ProtectedFiles list, EnumeratedElement element,
        EnumerationApis apis)
    {
        var source = element.Source;
        if (!source.PatternKnown || !BroadEnumerationDelete.DeletesWhatItYields(site, source))
        {
            return null;
        }

        var folderTail = source.Folder is null ? System.Array.Empty<string>() : ConstantPathTail.Resolve(source.Folder, rules.Known);
        var isBaseDirectory = IsApplicationBaseDirectory(source.Folder, apis);
        ElementFilters? filters = null;
        foreach (var entry in list.Entries)
        {
            if (!CanYield(site, source, entry, folderTail, isBaseDirectory))
            {
                continue;
            }

            filters ??= ElementFilters.Find(element, site.Invocation, apis, rules.Guards.Methods);
            if (filters.HasOpaqueNameTest)
            {
                // The loop picks entries by a test PathSafety cannot evaluate: stay silent rather than guess.
                return null;
            }

            if (!Excludes(filters, entry))
            {
                return entry;
            }
        }

        return null;
    }

    private static bool CanYield(DeleteSite site, EnumerationSource source, ProtectedEntry entry, IReadOnlyList<string> folderTail,
        bool isBaseDirectory)
    {
        var pattern = source.EffectivePattern;
        if (site.DeletesDirectory)
        {
            // A recursive delete of an enumerated folder takes every protected file below it.
            return entry.CanMatchFolderPattern(pattern)
                   && (!source.IsBroad || isBaseDirectory || entry.FolderHolds(folderTail, recursive: true));
        }

        if (!entry.CanMatchFilePattern(pattern) || !entry.FolderMayHold(folderTail, source.IsRecursive))
        {
            return false;
        }

        // The application's base directory is the output folder itself: without recursion it yields only the files
        // directly in it, never 'config/widgets.json'.
        if (isBaseDirectory && !source.IsRecursive && !entry.Folders.IsEmpty)
        {
            return false;
        }

        return !source.IsBroad
               || entry.FolderHolds(folderTail, source.IsRecursive)
               || (isBaseDirectory && (entry.Folders.IsEmpty || source.IsRecursive));
    }

    /// <summary>
    /// Name tests that keep the entry away from the delete: a test only other names pass ('*.log', 'cache-*'),
    /// a skip that covers it ('if (name == "appsettings.json") continue;'), or a test whose direction
    /// PathSafety cannot follow ('if (a.EndsWith(".log") || b)'): when unknown, stay silent.
    /// </summary>
    private static bool Excludes(ElementFilters filters, ProtectedEntry entry)
    {
        foreach (var test in filters.NameTests)
        {
            var excluded = test.Keeps switch
            {
                true => !FileNameGlob.CanIntersect(entry.Name, test.Glob),
                false => FileNameGlob.Covers(test.Glob, entry.Name),
                null => true,
            };
            if (excluded)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 'Path.Combine(scratch, "appsettings.json")' where 'scratch' is a fresh name under the temp folder (or another
    /// anchor), a temporary subdirectory, or a local holding one: a copy the code made for itself, typically in a
    /// test, not the application's file.
    /// </summary>
    private static bool IsInFreshFolder(IOperation target, DeleteRuleContext rules)
    {
        var value = Resolve(target);
        if (value is not IInvocationOperation combine
            || !(rules.Known.IsPathMethod(combine.TargetMethod, "Combine") || rules.Known.IsPathMethod(combine.TargetMethod, "Join")))
        {
            return false;
        }

        var segments = ContainmentGuards.GetSegments(combine);
        if (segments.Count < 2)
        {
            return false;
        }

        var folder = Resolve(segments[0]);
        return folder is not null
               && (rules.Guards.IsFreshName(folder)
                   || folder is IPropertyReferenceOperation
                   {
                       Property.Name: "FullName",
                       Instance: IInvocationOperation { TargetMethod.Name: "CreateTempSubdirectory" } created,
                   }
                      && SymbolEqualityComparer.Default.Equals(created.TargetMethod.ContainingType, rules.Known.Directory));
    }

    private static IOperation? Resolve(IOperation? value)
    {
        for (var depth = 0; value is not null && depth < 4; depth++)
        {
            value = value.WithoutConversions();
            if (value is not ILocalReferenceOperation local)
            {
                return value;
            }

            value = LocalAssignments.TryGetSingleValue(local);
        }

        return value;
    }

    /// <summary>AppContext.BaseDirectory or AppDomain.CurrentDomain.BaseDirectory, directly or through a local.</summary>
    private static bool IsApplicationBaseDirectory(IOperation? folder, EnumerationApis apis)
    {
        for (var depth = 0; folder is not null && depth < 4; depth++)
        {
            folder = folder.WithoutConversions();
            switch (folder)
            {
                case IPropertyReferenceOperation { Property.Name: "BaseDirectory" } property:
                    return KnownSymbols.Is(property.Property.ContainingType, apis.Known.AppContext)
                           || KnownSymbols.Is(property.Property.ContainingType, apis.Known.AppDomain);
                case IObjectCreationOperation creation when apis.IsInfo(creation.Type) && creation.Arguments.Length == 1:
                    folder = creation.Arguments[0].Value;
                    break;
                case ILocalReferenceOperation local:
                    folder = LocalAssignments.TryGetSingleValue(local);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }
}
