namespace PathSafety.Analyzers.Tests.Robustness;

/// <summary>
/// The sources every robustness run starts from: each C# syntax form the analyzers look at, and realistic
/// maintenance code that exercises every rule. Each seed lives in its own namespace so that all of them compile
/// together (and one mutant of each can share a compilation without clashing).
/// </summary>
internal static partial class SeedCorpus
{
    /// <summary>Seeds that use syntax newer than the Roslyn the analyzers are built against; errors there are expected.</summary>
    public static readonly IReadOnlySet<string> NewerLanguageSeeds = new HashSet<string>(StringComparer.Ordinal) { nameof(ParamsCollections) };

    public static IReadOnlyList<SourceInput> All { get; } =
    [
        Seed(nameof(TopLevelStatements), TopLevelStatements),
        Seed(nameof(LocalFunctions), LocalFunctions),
        Seed(nameof(Lambdas), Lambdas),
        Seed(nameof(AwaitForeach), AwaitForeach),
        Seed(nameof(PatternMatching), PatternMatching),
        Seed(nameof(SwitchExpressions), SwitchExpressions),
        Seed(nameof(Records), Records),
        Seed(nameof(UnsafeCode), UnsafeCode),
        Seed(nameof(PreprocessorRegions), PreprocessorRegions),
        Seed(nameof(PartialMethods), PartialMethods),
        Seed(nameof(ExtensionMethods), ExtensionMethods),
        Seed(nameof(Generics), Generics),
        Seed(nameof(DynamicCode), DynamicCode),
        Seed(nameof(NamedArguments), NamedArguments),
        Seed(nameof(ParamsCollections), ParamsCollections),
        Seed(nameof(MembersAndIterators), MembersAndIterators),
        Seed(nameof(CleanupJob), CleanupJob),
        Seed(nameof(GuardedDeletes), GuardedDeletes),
        Seed(nameof(WeakContainmentChecks), WeakContainmentChecks),
        Seed(nameof(RelativePaths), RelativePaths),
        Seed(nameof(BroadEnumerations), BroadEnumerations),
        Seed(nameof(ProtectedFiles), ProtectedFiles),
        Seed(nameof(FileSystemInfoLocals), FileSystemInfoLocals),
        Seed(nameof(VisualBasicFileSystem), VisualBasicFileSystem),
        Seed(nameof(FileSystemAbstractions), FileSystemAbstractions),
        Seed(nameof(PathCombineForms), PathCombineForms),
        Seed(nameof(ExceptionsAndUsings), ExceptionsAndUsings),
        Seed(nameof(ScopeAttributes), ScopeAttributes),
    ];

    private static SourceInput Seed(string name, string source) => new(name, source, "seed " + name);
}
