using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Analyzers.Knowledge
{
    /// <summary>
    /// Decides whether code is maintenance code (cleanup jobs, log rotation, installers...), the scope of
    /// the scope-limited rules (PS0001-PS0004). One instance per compilation; decisions are cached per
    /// type and namespace. See docs/maintenance-code.md.
    /// </summary>
    internal sealed class MaintenanceCode
    {
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;

        private MaintenanceCode(Compilation compilation, AnalyzerOptions options)
        {
            _compilation = compilation;
            _options = options;
        }

        public static MaintenanceCode Create(Compilation compilation, AnalyzerOptions options)
            => new MaintenanceCode(compilation, options);

        /// <summary>
        /// True when the operation at <paramref name="tree"/> inside <paramref name="containingSymbol"/>
        /// (the method, local function's container, property accessor, ...) is maintenance code.
        /// </summary>
        public bool IsMaintenanceCode(ISymbol containingSymbol, SyntaxTree tree)
        {
            // Placeholder until the scope issue lands: 'pathsafety.scope = all' or an attribute named
            // MaintenanceCode on the member, a containing type or the assembly.
            if (EditorConfigOptions.TryGetValue(_options, tree, EditorConfigOptions.Prefix + "scope", out var scope)
                && string.Equals(scope, "all", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            for (var symbol = containingSymbol; symbol is not null; symbol = symbol.ContainingSymbol)
            {
                if (HasMaintenanceAttribute(symbol))
                {
                    return true;
                }
            }

            return HasMaintenanceAttribute(_compilation.Assembly);
        }

        private static bool HasMaintenanceAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name == "MaintenanceCodeAttribute" || name == "MaintenanceCode")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
