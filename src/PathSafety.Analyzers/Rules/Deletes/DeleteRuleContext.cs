using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PathSafety.Analyzers.Knowledge;

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
        }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        public KnownSymbols Known { get; }

        public DeleteApis Deletes { get; }

        public MaintenanceCode Scope { get; }
    }
}
