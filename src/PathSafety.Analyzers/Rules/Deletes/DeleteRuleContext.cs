using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Knowledge;
using PathSafety.Analyzers.Knowledge.Guards;

namespace PathSafety.Analyzers.Rules.Deletes
{
    /// <summary>What the delete checks share for one compilation: resolved symbols, scope and options.</summary>
    internal sealed class DeleteRuleContext
    {
        public DeleteRuleContext(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            Options = options;
            Known = KnownSymbols.Create(compilation);
            Deletes = DeleteApis.Create(compilation);
            Scope = MaintenanceCode.Create(compilation, options);
            Guards = ContainmentGuards.Create(Known, options);
        }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        public KnownSymbols Known { get; }

        public DeleteApis Deletes { get; }

        public MaintenanceCode Scope { get; }

        /// <summary>What counts as a containment guard; PS0002/PS0003 use it through a per-block GuardFlow.</summary>
        public ContainmentGuards Guards { get; }
    }
}
