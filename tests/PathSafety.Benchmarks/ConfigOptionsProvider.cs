using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Benchmarks;

/// <summary>
/// What the package's targets and a user's '.editorconfig' hand the compiler: the protected-file lists as build
/// properties, optionally 'pathsafety.scope = all' (the worst case: every method is maintenance code), and optionally
/// 'pathsafety.maintenance_code = true' for chosen files, as an '.editorconfig' section naming those files would.
/// </summary>
internal sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly ImmutableDictionary<string, string> Empty = ImmutableDictionary.Create<string, string>(AnalyzerConfigOptions.KeyComparer);

    private readonly Options _file;
    private readonly Options _maintenanceFile = new(Empty.Add("pathsafety.maintenance_code", "true"));
    private readonly Func<SyntaxTree, bool>? _isMaintenanceFile;

    public ConfigOptionsProvider(bool allInScope, Func<SyntaxTree, bool>? isMaintenanceFile = null)
    {
        _file = new Options(allInScope ? Empty.Add("pathsafety.scope", "all") : Empty);
        _isMaintenanceFile = isMaintenanceFile;
        GlobalOptions = new Options(Empty
            .Add("build_property.PathSafetyProtectedFiles", "appsettings.json;config/secrets.json")
            .Add("build_property.PathSafetyAutoProtectedFiles", "appsettings.Production.json;web.config"));
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree)
        => _isMaintenanceFile is not null && _isMaintenanceFile(tree) ? _maintenanceFile : _file;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _file;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
