using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace PathSafety.EndToEnd.Tests.Infrastructure;

/// <summary>One diagnostic as the editor got it: code, zero-based line, LSP severity (1 error, 2 warning).</summary>
public sealed record EditorDiagnostic(string Code, int Line, int Severity, string Message, JsonNode Raw)
{
    public override string ToString() => $"{Code} line {Line} severity {Severity}: {Message}";
}

/// <summary>
/// An editor's session with csharp-ls 0.28 (a dotnet tool, installed once per run through a tool manifest) on a
/// consumer project: open, change, watch files, pull diagnostics, code actions. When the server does not offer a
/// package's code fixes, they are run the way an IDE hosts them: the project loaded in an MSBuildWorkspace, the
/// fixes found in the package's analyzer assemblies.
/// </summary>
public sealed class EditorSession : IDisposable
{
    private const string ServerVersion = "0.28.0";

    private static readonly Lazy<(string? Folder, string Log)> Tool = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ConsumerProject _consumer;
    private readonly LanguageServerClient _server;
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    private EditorSession(ConsumerProject consumer, LanguageServerClient server)
    {
        _consumer = consumer;
        _server = server;
    }

    /// <summary>
    /// Starts and initializes the server on the consumer's folder. When the server cannot be installed or does not
    /// start, the test ([SkippableFact]) is reported as skipped with the reason.
    /// </summary>
    public static async Task<EditorSession> StartAsync(ConsumerProject consumer)
    {
        var (folder, installLog) = Tool.Value;
        if (folder is null)
        {
            throw new Xunit.SkipException(
                $"csharp-ls {ServerVersion} could not be installed as a dotnet tool, so no editor session can run here:\n{installLog}");
        }

        var environment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = consumer.PackagesFolder };
        var start = DotNet.CreateStartInfo(folder, ["tool", "run", "csharp-ls", "--loglevel", "info"], environment);
        LanguageServerClient server;
        try
        {
            server = LanguageServerClient.Start(start, Answer);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new Xunit.SkipException("csharp-ls could not start on this machine: " + exception.Message);
        }

        var session = new EditorSession(consumer, server);
        var root = new Uri(consumer.Directory + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        try
        {
            await server.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = consumer.Name }),
                ["initializationOptions"] = Settings(),
                ["capabilities"] = JsonNode.Parse("""
                    {
                      "workspace": { "configuration": true, "applyEdit": true, "didChangeWatchedFiles": { "dynamicRegistration": true } },
                      "textDocument": {
                        "synchronization": { "didSave": true },
                        "publishDiagnostics": {},
                        "diagnostic": { "dynamicRegistration": false },
                        "codeAction": {
                          "codeActionLiteralSupport": { "codeActionKind": { "valueSet": ["", "quickfix", "refactor", "source"] } },
                          "resolveSupport": { "properties": ["edit"] },
                          "dataSupport": true
                        }
                      }
                    }
                    """),
            }, TimeSpan.FromMinutes(2));
        }
        catch (Exception exception) when (exception is TimeoutException or IOException || server.HasExited)
        {
            var log = server.Log;
            session.Dispose();
            throw new Xunit.SkipException("csharp-ls did not start on this machine: " + exception.Message + "\n" + log);
        }

        server.Notify("initialized", new JsonObject());
        server.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = Settings() });
        return session;
    }

    public string Open(string relativePath)
    {
        var uri = Uri(relativePath);
        _versions[uri] = 1;
        _server.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = uri,
                ["languageId"] = "csharp",
                ["version"] = 1,
                ["text"] = File.ReadAllText(Path.Combine(_consumer.Directory, relativePath)),
            },
        });
        return uri;
    }

    /// <summary>The whole new text of an open document, as an editor sends it after a keystroke.</summary>
    public void Change(string uri, string text)
    {
        var version = ++_versions[uri];
        _server.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });
    }

    /// <summary>Saves an open document: its text to disk, then the notification.</summary>
    public void Save(string relativePath, string text)
    {
        File.WriteAllText(Path.Combine(_consumer.Directory, relativePath), text);
        _server.Notify("textDocument/didSave", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(relativePath) }, ["text"] = text });
    }

    /// <summary>What an editor's file watcher reports when files on disk changed.</summary>
    public void FilesChanged(params string[] relativePaths)
        => _server.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(relativePaths.Select(p => (JsonNode)new JsonObject { ["uri"] = Uri(p), ["type"] = 2 }).ToArray()),
        });

    /// <summary>Pulls the document's diagnostics until <paramref name="done"/> holds or the time is up; returns the last.</summary>
    public async Task<List<EditorDiagnostic>> WaitForDiagnosticsAsync(string uri, TimeSpan timeout, Func<List<EditorDiagnostic>, bool> done)
    {
        var end = DateTime.UtcNow + timeout;
        var last = new List<EditorDiagnostic>();
        while (true)
        {
            var document = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } };
            var report = await _server.RequestAsync("textDocument/diagnostic", document, timeout);
            last = (report?["items"]?.AsArray() ?? []).Where(d => d is not null).Select(d => ToDiagnostic(d!)).ToList();
            if (done(last) || DateTime.UtcNow > end || _server.HasExited)
            {
                return last;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>
    /// Requests the code actions for <paramref name="diagnostic"/> and applies the one titled <paramref name="title"/>;
    /// returns the document's new text. csharp-ls 0.28 offers only its own refactorings, so a package fix it does not
    /// list is taken from the package's analyzer assemblies the way an IDE hosts them.
    /// </summary>
    public async Task<string> ApplyFixAsync(string uri, string text, EditorDiagnostic diagnostic, string title)
    {
        var actions = await _server.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = diagnostic.Raw["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.Raw.DeepClone()) },
        }, TimeSpan.FromMinutes(1));
        var offered = actions?.AsArray().FirstOrDefault(a => a?["title"]?.GetValue<string>() == title);
        if (offered is not null)
        {
            var action = offered["edit"] is null
                ? await _server.RequestAsync("codeAction/resolve", offered.DeepClone(), TimeSpan.FromMinutes(1))
                : offered;
            return ApplyEdits(text, uri, action!["edit"]!);
        }

        return await ApplyFixInWorkspaceAsync(text, diagnostic, title);
    }

    public void Check(bool condition, string message, IEnumerable<EditorDiagnostic> diagnostics)
    {
        if (!condition)
        {
            throw new XunitException(message + "\ndiagnostics:\n  " + string.Join("\n  ", diagnostics) + "\nserver log:\n" + _server.Log);
        }
    }

    public void Dispose() => _server.Dispose();

    private static JsonObject Settings() => new() { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };

    /// <summary>The server asks for its settings section ('csharp') and may register capabilities or ask for progress.</summary>
    private static JsonNode? Answer(string method, JsonNode? parameters) => method switch
    {
        "workspace/configuration" => new JsonArray(
            (parameters?["items"]?.AsArray() ?? []).Select(_ => (JsonNode?)Settings()["csharp"]!.DeepClone()).ToArray()),
        "workspace/applyEdit" => new JsonObject { ["applied"] = false },
        _ => null,
    };

    private static EditorDiagnostic ToDiagnostic(JsonNode raw) => new(
        raw["code"]?.ToString() ?? string.Empty,
        raw["range"]?["start"]?["line"]?.GetValue<int>() ?? -1,
        raw["severity"]?.GetValue<int>() ?? 0,
        raw["message"]?.GetValue<string>() ?? string.Empty,
        raw);

    private string Uri(string relativePath) => new Uri(Path.Combine(_consumer.Directory, relativePath)).AbsoluteUri;

    private static string ApplyEdits(string text, string uri, JsonNode edit)
    {
        var edits = edit["changes"]?[uri]?.AsArray()
            ?? edit["documentChanges"]?.AsArray().FirstOrDefault(c => c?["textDocument"]?["uri"]?.GetValue<string>() == uri)?["edits"]?.AsArray()
            ?? [];
        var source = SourceText.From(text);
        var changes = edits.Where(e => e is not null).Select(e =>
        {
            var start = source.Lines.GetPosition(Position(e!["range"]!["start"]!));
            var end = source.Lines.GetPosition(Position(e["range"]!["end"]!));
            return new TextChange(TextSpan.FromBounds(start, end), e["newText"]!.GetValue<string>());
        });
        return source.WithChanges(changes).ToString();
    }

    private static LinePosition Position(JsonNode position)
        => new(position["line"]!.GetValue<int>(), position["character"]!.GetValue<int>());

    private async Task<string> ApplyFixInWorkspaceAsync(string text, EditorDiagnostic diagnostic, string title)
    {
        DotNet.ScrubCurrentProcess();
        using var workspace = MSBuildWorkspace.Create();
        var failures = new List<string>();
        workspace.WorkspaceFailed += (_, e) => failures.Add(e.Diagnostic.Message);
        var project = await workspace.OpenProjectAsync(_consumer.ProjectFile);
        var document = project.Documents.Single(d => Path.GetFileName(d.FilePath) == "Cleanup.cs").WithText(SourceText.From(text));
        project = document.Project;

        var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        var compilation = await project.GetCompilationAsync() ?? throw new XunitException("no compilation: " + string.Join("\n", failures));
        var found = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var target = found.FirstOrDefault(d => d.Id == diagnostic.Code && d.Location.GetLineSpan().StartLinePosition.Line == diagnostic.Line)
            ?? throw new XunitException($"the workspace did not report {diagnostic}: {string.Join("; ", found)}\n{string.Join("\n", failures)}");

        foreach (var fixer in CodeFixProviders(project).Where(f => f.FixableDiagnosticIds.Contains(target.Id)))
        {
            var offered = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, target, (action, _) => offered.Add(action), CancellationToken.None));
            if (offered.FirstOrDefault(a => a.Title == title) is { } action)
            {
                var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                return (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            }
        }

        throw new XunitException($"no code action '{title}' for {diagnostic}\n{string.Join("\n", failures)}");
    }

    /// <summary>As an IDE finds them: the exported code fix providers in the project's analyzer assemblies.</summary>
    private static IEnumerable<CodeFixProvider> CodeFixProviders(Project project)
        => project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .SelectMany(reference => reference.GetAssembly().GetTypes())
            .Where(type => !type.IsAbstract
                           && type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!);

    private static (string? Folder, string Log) Install()
    {
        var folder = Path.Combine(PathSafetyPackage.Instance.WorkRoot, "tools", "csharp-ls");
        Directory.CreateDirectory(folder);
        var manifest = DotNet.Run(folder, ["new", "tool-manifest", "--force"]);
        var install = DotNet.Run(folder, ["tool", "install", "csharp-ls", "--version", ServerVersion]);
        return manifest.ExitCode == 0 && install.ExitCode == 0 ? (folder, install.ToString()) : (null, manifest + "\n" + install);
    }
}
