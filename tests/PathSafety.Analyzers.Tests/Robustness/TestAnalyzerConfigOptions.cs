using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>
/// The options every robustness run uses: everything is maintenance code ('pathsafety.scope = all') and a few
/// protected files are declared, so every rule's deepest path runs. One dictionary feeds both the analyzers'
/// options provider and the configuration documents the code fixes see in their workspace.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    public static readonly TestAnalyzerConfigOptionsProvider Empty = new(ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string,
        string>.Empty);

    public static readonly TestAnalyzerConfigOptionsProvider AllInScope = new(
        ImmutableDictionary<string, string>.Empty.Add("pathsafety.scope", "all"),
        ImmutableDictionary<string, string>.Empty
            .Add("build_property.PathSafetyProtectedFiles", "appsettings.json;config/secrets.json;;  ;..\\outside.json")
            .Add("build_property.PathSafetyAutoProtectedFiles", "web.config;appsettings.Production.json"));

    private readonly DictionaryOptions _fileOptions;

    private TestAnalyzerConfigOptionsProvider(ImmutableDictionary<string, string> fileOptions, ImmutableDictionary<string, string> globalOptions)
    {
        _fileOptions = new DictionaryOptions(fileOptions);
        GlobalOptions = new DictionaryOptions(globalOptions);
        FileOptions = fileOptions;
        GlobalOptionValues = globalOptions;
    }

    public ImmutableDictionary<string, string> FileOptions { get; }

    public ImmutableDictionary<string, string> GlobalOptionValues { get; }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _fileOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _fileOptions;

    /// <summary>The same options as '.editorconfig' text, for the workspace the code fixes run in.</summary>
    public string EditorConfigText()
        => "root = true\n\n[*.cs]\n" + string.Concat(FileOptions.Select(o => o.Key + " = " + o.Value + "\n"));

    /// <summary>The build properties as a global config, the way the package's targets hand them to the compiler.</summary>
    public string GlobalConfigText()
        => "is_global = true\n" + string.Concat(GlobalOptionValues.Select(o => o.Key + " = " + o.Value + "\n"));

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values)
            => _values = values.WithComparers(KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            => _values.TryGetValue(key, out value);
    }
}
