using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Options;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Scope;

/// <summary>
/// Decides whether code is maintenance code (cleanup jobs, log rotation, installers...), the scope of
/// the scope-limited rules (PS0001-PS0004). One instance per compilation; thread-safe; decisions are
/// cached per file, type and namespace. See docs/maintenance-code.md for the model:
/// 'pathsafety.scope = all' &gt; an attribute on the member or a containing type &gt; 'pathsafety.maintenance_code'
/// for the file &gt; the assembly attribute, the kind of type, a top-level program that deletes (or any, or none,
/// with 'pathsafety.scripts_are_maintenance'), scripts, and names.
/// </summary>
internal sealed class MaintenanceCode
{
    private const string ScopeKey = EditorConfigOptions.Prefix + "scope";
    private const string MaintenanceCodeKey = EditorConfigOptions.Prefix + "maintenance_code";
    private const string ScriptsKey = EditorConfigOptions.Prefix + "scripts_are_maintenance";
    private const string WordsKey = EditorConfigOptions.Prefix + "maintenance_words";

    /// <summary>The compiler's name for the method that holds top-level statements.</summary>
    private const string TopLevelStatementsMethodName = "<Main>$";

    private readonly AnalyzerOptions _options;
    private readonly INamedTypeSymbol? _backgroundService;
    private readonly INamedTypeSymbol? _hostedService;
    private readonly INamedTypeSymbol? _serviceBase;
    private readonly ImmutableArray<INamedTypeSymbol> _jobInterfaces;
    private readonly DeleteApis _deletes;
    private readonly Lazy<bool> _assemblyMarked;
    private readonly TestCode _testCode;
    private readonly ImmutableArray<INamedTypeSymbol> _hostBuilders;

    // The cache factories, made once: a method group passed to GetOrAdd would allocate a delegate on every call.
    private readonly Func<SyntaxTree, FileScope> _readFileScope;
    private readonly Func<INamedTypeSymbol, bool> _isMarkedType;

    private readonly ConcurrentDictionary<SyntaxTree, FileScope> _files = new();
    private readonly ConcurrentDictionary<string, MaintenanceWords> _wordLists = new(StringComparer.Ordinal);

    // Type decisions that do not depend on the word list: attribute on the type or an outer type, kind of type.
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _markedTypes = new(SymbolEqualityComparer.Default);

    // What the program in top-level statements does, read once per compilation (a compilation has one such program):
    // whether it builds an application host (then it is an app) and whether it deletes anything (then it is a script).
    private readonly ConcurrentDictionary<IMethodSymbol, ProgramFacts> _programs = new(SymbolEqualityComparer.Default);

    // Methods in scope by what they delete, made on the first question that needs one.
    private readonly Lazy<DeletingMethods> _deletingMethods;

    // Name decisions, per word list: for a member (with its enclosing members, types and namespace), a type (with its
    // outer types and namespace) or a namespace.
    private readonly ConcurrentDictionary<MaintenanceWords, ConcurrentDictionary<ISymbol, bool>> _namedContainers = new();

    private MaintenanceCode(Compilation compilation, AnalyzerOptions options)
    {
        _options = options;
        var known = KnownSymbols.GetOrCreate(compilation);
        _backgroundService = known.Get("Microsoft.Extensions.Hosting.BackgroundService");
        _hostedService = known.Get("Microsoft.Extensions.Hosting.IHostedService");
        _serviceBase = known.Get("System.ServiceProcess.ServiceBase");
        _jobInterfaces = known.GetAll(
            "Quartz.IJob",
            "FluentScheduler.IJob",
            "Coravel.Invocable.IInvocable",
            "Hangfire.Server.IBackgroundProcess");
        _deletes = DeleteApis.GetOrCreate(compilation);
        var deletes = _deletes;
        _deletingMethods = new Lazy<DeletingMethods>(
            () => new DeletingMethods(deletes, EnumerationApis.GetOrCreate(known), MemberValues.GetOrCreate(known)));
        _testCode = TestCode.Create(compilation);
        _hostBuilders = known.GetAll(
            "Microsoft.AspNetCore.Builder.WebApplication",
            "Microsoft.AspNetCore.WebHost",
            "Microsoft.Extensions.Hosting.Host",
            "Microsoft.Extensions.Hosting.HostApplicationBuilder",
            "Microsoft.Extensions.Hosting.HostBuilder");
        _readFileScope = ReadFileScope;
        _isMarkedType = IsMarkedType;
        var assembly = compilation.Assembly;
        _assemblyMarked = new Lazy<bool>(() => HasMaintenanceAttribute(assembly));
    }

    /// <summary>
    /// The one instance for this compilation and these options, shared by every rule that asks about scope, so names,
    /// files and what methods delete are decided once, not once per analyzer.
    /// </summary>
    public static MaintenanceCode GetOrCreate(Compilation compilation, AnalyzerOptions options)
        => KnownSymbols.GetOrCreate(compilation)
            .GetOrCreateTable(static _ => new ConditionalWeakTable<AnalyzerOptions, MaintenanceCode>())
            .GetValue(options, o => new MaintenanceCode(compilation, o));

    /// <summary>
    /// True when the operation at <paramref name="tree"/> inside <paramref name="containingSymbol"/>
    /// (the method, local function, lambda, property accessor, field...) is maintenance code.
    /// Without the operation, top-level statements are maintenance code only when configured so; prefer the
    /// overload with the operation, which reads what the program does.
    /// </summary>
    public bool IsMaintenanceCode(ISymbol? containingSymbol, SyntaxTree tree)
        => IsMaintenanceCode(containingSymbol, tree, operation: null);

    /// <summary>
    /// True when <paramref name="operation"/> inside <paramref name="containingSymbol"/> is maintenance code.
    /// Top-level statements are a maintenance script when they delete a file or folder; a plain tool that reads and
    /// writes relative to where it is run is not. Top-level statements that build an application host
    /// (<c>WebApplication.CreateBuilder</c>, <c>Host.CreateDefaultBuilder</c>...) are an application's Program.cs.
    /// </summary>
    public bool IsMaintenanceCode(ISymbol? containingSymbol, IOperation operation)
        => IsMaintenanceCode(containingSymbol, operation.Syntax.SyntaxTree, operation);

    private bool IsMaintenanceCode(ISymbol? containingSymbol, SyntaxTree tree, IOperation? operation)
    {
        var file = _files.GetOrAdd(tree, _readFileScope);
        if (file.ScopeAll)
        {
            return true;
        }

        if (containingSymbol is not null && IsMarkedInCode(containingSymbol))
        {
            return true;
        }

        if (file.Configured is bool configured)
        {
            return configured;
        }

        if (_assemblyMarked.Value)
        {
            return true;
        }

        if (file.ScriptsAreMaintenance != false
            && (tree.Options.Kind == SourceCodeKind.Script || IsMaintenanceProgram(containingSymbol, operation, file.ScriptsAreMaintenance == true)))
        {
            return true;
        }

        return containingSymbol is not null
               && (IsNamedForMaintenance(containingSymbol, file.Words) || IsCleanupByWhatItDeletes(containingSymbol, operation));
    }

    /// <summary>
    /// True when <paramref name="containingSymbol"/> is in a test class (see <see cref="TestCode"/>) and the file does
    /// not set 'pathsafety.scope = all': tests delete copies of protected files in scratch folders they made.
    /// </summary>
    public bool IsTestCode(ISymbol? containingSymbol, SyntaxTree tree)
        => containingSymbol is not null && !_files.GetOrAdd(tree, ReadFileScope).ScopeAll && _testCode.Contains(containingSymbol);

    /// <summary>An attribute on the member (or an enclosing member) or any containing type, or a type of a maintenance kind.</summary>
    private bool IsMarkedInCode(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamedTypeSymbol type)
            {
                return _markedTypes.GetOrAdd(type, _isMarkedType);
            }

            if (current is INamespaceSymbol)
            {
                return false;
            }

            if (HasMaintenanceAttribute(current)
                || (current is IMethodSymbol { AssociatedSymbol: { } property } && HasMaintenanceAttribute(property)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMarkedType(INamedTypeSymbol type)
    {
        if (HasMaintenanceAttribute(type) || IsMaintenanceKind(type))
        {
            return true;
        }

        return type.ContainingType is { } outer && _markedTypes.GetOrAdd(outer, _isMarkedType);
    }

    private bool IsMaintenanceKind(INamedTypeSymbol type)
    {
        if (_backgroundService is null && _serviceBase is null && _hostedService is null && _jobInterfaces.IsEmpty)
        {
            return false;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (KnownSymbols.Is(baseType, _backgroundService) || KnownSymbols.Is(baseType, _serviceBase))
            {
                return true;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (KnownSymbols.Is(@interface, _hostedService) || KnownSymbols.IsAny(@interface, _jobInterfaces))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tests of a cleanup are named after it (LogCleanupTests.Cleanup_removes_old_files): the name of the code
    /// under test does not make the test a cleanup job. The name is tested first: it is cached per member and
    /// type, and most code has no maintenance name, so the test-class test (which reads every method's
    /// attributes) runs only for the few that have one.
    /// </summary>
    private bool IsNamedForMaintenance(ISymbol symbol, MaintenanceWords words)
    {
        var names = _namedContainers.GetOrAdd(words, _ => new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default));
        if (!names.TryGetValue(symbol, out var named))
        {
            named = names.GetOrAdd(symbol, HasMaintenanceName(symbol, words, names));
        }

        return named && !_testCode.Contains(symbol);
    }

    private static bool HasMaintenanceName(ISymbol symbol, MaintenanceWords words, ConcurrentDictionary<ISymbol, bool> containers)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamedTypeSymbol or INamespaceSymbol)
            {
                return IsNamedContainer(current, words, containers);
            }

            if (words.MatchesMemberName(MemberName(current)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamedContainer(ISymbol container, MaintenanceWords words, ConcurrentDictionary<ISymbol, bool> cache)
    {
        if (container is INamespaceSymbol { IsGlobalNamespace: true })
        {
            return false;
        }

        if (cache.TryGetValue(container, out var named))
        {
            return named;
        }

        named = (container is INamespaceSymbol ? words.MatchesNamespaceSegment(container.Name) : words.MatchesTypeName(container.Name))
                || (container is INamedTypeSymbol type && HasMaintenanceNamedSupertype(type, words))
                || (container.ContainingSymbol is { } outer && IsNamedContainer(outer, words, cache));
        return cache.GetOrAdd(container, named);
    }

    /// <summary>
    /// A type that implements a job or task interface named for maintenance ('IHousekeepingTask', 'ICleanupJob'), of
    /// the compilation or a library, or derives from such a base class, is one of those jobs whatever its own name.
    /// </summary>
    private static bool HasMaintenanceNamedSupertype(INamedTypeSymbol type, MaintenanceWords words)
    {
        for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
        {
            if (words.MatchesTypeName(baseType.Name))
            {
                return true;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (words.MatchesTypeName(@interface.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What the method does (see <see cref="DeletingMethods"/>): it deletes folder entries or its caller's paths.
    /// Needs the operation tree; test classes are left out.
    /// </summary>
    private bool IsCleanupByWhatItDeletes(ISymbol containingSymbol, IOperation? operation)
        => operation is not null && _deletes.AnyAvailable && !_testCode.IsTestProject && !_testCode.Contains(containingSymbol)
           && _deletingMethods.Value.IsCleanupByWhatItDeletes(containingSymbol, operation);

    /// <summary>
    /// True when a path passed to a delete in <paramref name="tree"/> is judged for being relative although the
    /// code is not maintenance code: deleting a path resolved against the current directory is the outage's shape
    /// wherever it is written. Not in a test project or a test class (tests delete scratch files in the folder the
    /// runner gives them), nor in a file 'pathsafety.maintenance_code = false' excludes. The caller has already found
    /// the call is a delete; this only reads cached per-file and per-type facts.
    /// </summary>
    public bool JudgesRelativeDelete(ISymbol? containingSymbol, SyntaxTree tree)
        => !_testCode.IsTestProject
           && _files.GetOrAdd(tree, _readFileScope).Configured != false
           && (containingSymbol is null || !_testCode.Contains(containingSymbol));

    private static string MemberName(ISymbol member)
        => member is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name : member.Name;

    private static IMethodSymbol? TopLevelStatementsMethod(ISymbol? symbol)
    {
        for (var current = symbol; current is IMethodSymbol method; current = current.ContainingSymbol)
        {
            if (method.Name == TopLevelStatementsMethodName)
            {
                return method;
            }
        }

        return null;
    }

    /// <summary>
    /// Top-level statements that do not build a host and delete something (any delete API the rules know, anywhere in
    /// the program, its local functions and lambdas included), or any that do not build a host when forced.
    /// </summary>
    private bool IsMaintenanceProgram(ISymbol? containingSymbol, IOperation? operation, bool forced)
    {
        if (TopLevelStatementsMethod(containingSymbol) is not { } program)
        {
            return false;
        }

        if (operation is null)
        {
            return forced;
        }

        var facts = _programs.GetOrAdd(program, _ => ReadProgram(operation));
        return !facts.BuildsHost && (forced || facts.Deletes);
    }

    /// <summary>One walk over the program's operation tree (the root of any of its operations).</summary>
    private ProgramFacts ReadProgram(IOperation operation)
    {
        var buildsHost = false;
        var deletes = false;
        foreach (var descendant in operation.Root().DescendantsAndSelf())
        {
            var type = descendant switch
            {
                IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
                IObjectCreationOperation creation => creation.Type as INamedTypeSymbol,
                _ => null,
            };
            buildsHost |= !_hostBuilders.IsEmpty && KnownSymbols.IsAny(type, _hostBuilders);
            deletes |= descendant is IInvocationOperation call
                && DeleteApis.MayBeDelete(call.TargetMethod)
                && _deletes.TryGetDeleteSite(call, out _);
        }

        return new ProgramFacts(buildsHost, deletes);
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

    private FileScope ReadFileScope(SyntaxTree tree)
    {
        var scopeAll = EditorConfigOptions.TryGetValue(_options, tree, ScopeKey, out var scope)
            && string.Equals(scope, "all", StringComparison.OrdinalIgnoreCase);

        var configured = EditorConfigOptions.GetOptionalBool(_options, tree, MaintenanceCodeKey);
        var scripts = EditorConfigOptions.GetOptionalBool(_options, tree, ScriptsKey);
        var words = EditorConfigOptions.TryGetValue(_options, tree, WordsKey, out var list)
            ? _wordLists.GetOrAdd(list, MaintenanceWords.Parse)
            : MaintenanceWords.Default;
        return new FileScope(scopeAll, configured, scripts, words);
    }

    private sealed class FileScope
    {
        public FileScope(bool scopeAll, bool? configured, bool? scriptsAreMaintenance, MaintenanceWords words)
        {
            ScopeAll = scopeAll;
            Configured = configured;
            ScriptsAreMaintenance = scriptsAreMaintenance;
            Words = words;
        }

        public bool ScopeAll { get; }

        /// <summary>'pathsafety.maintenance_code' for the file: true, false, or not set.</summary>
        public bool? Configured { get; }

        /// <summary>'pathsafety.scripts_are_maintenance': true (every program and script), false (none), or not set.</summary>
        public bool? ScriptsAreMaintenance { get; }

        public MaintenanceWords Words { get; }
    }

    private readonly struct ProgramFacts
    {
        public ProgramFacts(bool buildsHost, bool deletes)
        {
            BuildsHost = buildsHost;
            Deletes = deletes;
        }

        public bool BuildsHost { get; }

        public bool Deletes { get; }
    }
}
