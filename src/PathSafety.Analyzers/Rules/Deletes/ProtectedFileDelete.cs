using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Knowledge;

namespace PathSafety.Analyzers.Rules.Deletes
{
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
            var list = ProtectedFiles.Get(context.Options, tree);
            if (list.IsEmpty)
            {
                return null;
            }

            var entry = FindByConstantTail(rules, site, list);
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
            if (tail.Count == 0)
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
    }
}
