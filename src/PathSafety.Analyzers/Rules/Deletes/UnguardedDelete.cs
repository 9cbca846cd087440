using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Knowledge;

namespace PathSafety.Analyzers.Rules.Deletes
{
    /// <summary>PS0002 and PS0003. Placeholder: the rule's issue fills it in.</summary>
    internal static class UnguardedDelete
    {
        public static Diagnostic? Find(OperationAnalysisContext context, DeleteRuleContext rules, DeleteSite site) => null;
    }
}
