using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Knowledge;

namespace PathSafety.Analyzers.Rules.Deletes
{
    /// <summary>PS0006. Placeholder: the rule's issue fills it in.</summary>
    internal static class ProtectedFileDelete
    {
        public static Diagnostic? Find(OperationAnalysisContext context, DeleteRuleContext rules, DeleteSite site) => null;
    }
}
