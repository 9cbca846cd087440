using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Enumerations;

/// <summary>What a folder enumeration yields.</summary>
internal enum EnumeratedKind
{
    Files,
    Directories,
    FilesAndDirectories,
}

/// <summary>
/// A call that enumerates a folder: Directory.GetFiles/EnumerateFiles/GetDirectories/EnumerateDirectories/
/// GetFileSystemEntries/EnumerateFileSystemEntries or the DirectoryInfo counterparts, with its pattern and
/// recursion as far as they are known at compile time.
/// </summary>
internal sealed class EnumerationSource
{
    private EnumerationSource(IInvocationOperation invocation, string display, EnumeratedKind kind, IOperation? folder, string? pattern,
        bool patternKnown, string? recursion, bool staysInFolder)
    {
        StaysInFolder = staysInFolder;
        Invocation = invocation;
        Display = display;
        Kind = kind;
        Folder = folder;
        Pattern = pattern;
        PatternKnown = patternKnown;
        Recursion = recursion;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>"Directory.GetFiles", "DirectoryInfo.EnumerateFileSystemInfos".</summary>
    public string Display { get; }

    public EnumeratedKind Kind { get; }

    /// <summary>The enumerated folder: the path argument, or the DirectoryInfo the method is called on.</summary>
    public IOperation? Folder { get; }

    /// <summary>The constant search pattern; null when the call passes none (then it is "*").</summary>
    public string? Pattern { get; }

    /// <summary>False when a pattern is passed but not known at compile time.</summary>
    public bool PatternKnown { get; }

    public string EffectivePattern => Pattern ?? "*";

    /// <summary>How the call recurses into subfolders ("SearchOption.AllDirectories", "RecurseSubdirectories"), or null.</summary>
    public string? Recursion { get; }

    public bool IsRecursive => Recursion is not null;

    /// <summary>
    /// The pattern cannot name another folder: none, or text with no separator or ':' built from constants and
    /// name-safe holes ('*.log', '$"{Path.GetFileNameWithoutExtension(p)}*.log"'). On .NET a pattern may carry a
    /// folder part ('Directory.GetFiles(logs, "../*.json")' yields the parent's files): a pattern nobody
    /// checked can leave the folder.
    /// </summary>
    public bool StaysInFolder { get; }

    /// <summary>No pattern, or one that matches every name.</summary>
    public bool IsBroad => PatternKnown && (Pattern is null || FileNameGlob.MatchesEverything(Pattern));

    public bool YieldsFiles => Kind != EnumeratedKind.Directories;

    public bool YieldsDirectories => Kind != EnumeratedKind.Files;

    public static EnumerationSource? TryCreate(IInvocationOperation invocation, EnumerationApis apis)
    {
        var method = invocation.TargetMethod;
        var kind = KindOf(method.Name);
        if (kind is null)
        {
            return null;
        }

        IOperation? folder;
        string typeName;
        if (method.IsStatic && KnownSymbols.Is(method.ContainingType, apis.Known.Directory))
        {
            folder = invocation.ArgumentFor("path");
            typeName = "Directory";
        }
        else if (!method.IsStatic && KnownSymbols.Is(method.ContainingType, apis.Known.DirectoryInfo))
        {
            folder = invocation.Instance;
            typeName = "DirectoryInfo";
        }
        else if (!method.IsStatic && KnownSymbols.Is(method.ContainingType, apis.Known.AbstractDirectory))
        {
            folder = invocation.ArgumentFor("path");
            typeName = "IDirectory";
        }
        else
        {
            return null;
        }

        string? pattern = null;
        var patternKnown = true;
        var staysInFolder = true;
        var patternArgument = invocation.ArgumentFor("searchPattern");
        if (patternArgument is not null)
        {
            pattern = patternArgument.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            patternKnown = pattern is not null;
            var composed = SafeNames.GetOrCreate(apis.Known).ComposedText(patternArgument);
            staysInFolder = composed is not null && composed.IndexOfAny(new[] { '/', '\\', ':' }) < 0;
        }

        var recursion = RecursionOf(invocation, apis);
        return new EnumerationSource(invocation, typeName + "." + method.Name, kind.Value, folder, pattern, patternKnown, recursion, staysInFolder);
    }

    private static EnumeratedKind? KindOf(string name) => name switch
    {
        "GetFiles" or "EnumerateFiles" => EnumeratedKind.Files,
        "GetDirectories" or "EnumerateDirectories" => EnumeratedKind.Directories,
        "GetFileSystemEntries" or "EnumerateFileSystemEntries" or "GetFileSystemInfos" or "EnumerateFileSystemInfos"
            => EnumeratedKind.FilesAndDirectories,
        _ => null,
    };

    private static string? RecursionOf(IInvocationOperation invocation, EnumerationApis apis)
    {
        var option = invocation.ArgumentFor("searchOption");
        if (option is not null)
        {
            // SearchOption.AllDirectories = 1; a value not known at compile time may be it.
            return option.ConstantValue is { HasValue: true, Value: int value } && value == 0 ? null : "SearchOption.AllDirectories";
        }

        var options = invocation.ArgumentFor("enumerationOptions");
        return options is not null && SetsRecursion(options, apis) ? "EnumerationOptions.RecurseSubdirectories" : null;
    }

    // 'new EnumerationOptions { RecurseSubdirectories = true }' written in place or in a local written once.
    private static bool SetsRecursion(IOperation options, EnumerationApis apis)
    {
        options = options.WithoutConversions();
        if (options is ILocalReferenceOperation local && LocalAssignments.TryGetSingleValue(local) is { } value)
        {
            options = value.WithoutConversions();
        }

        if (options is not IObjectCreationOperation { Initializer: { } initializer } || !KnownSymbols.Is(options.Type, apis.EnumerationOptions))
        {
            return false;
        }

        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "RecurseSubdirectories" } } assignment)
            {
                return !(assignment.Value.ConstantValue is { HasValue: true, Value: false });
            }
        }

        return false;
    }
}

/// <summary>
/// The element a delete removes when it comes from a folder enumeration: the foreach variable or the lambda
/// parameter of List.ForEach/Array.ForEach/Parallel.ForEach, through LINQ operators that keep elements and through
/// the lists, arrays and helpers the entry travelled in (one instance per way an entry reaches the delete).
/// </summary>
internal sealed class EnumeratedElement
{
    public EnumeratedElement(EnumerationSource source, ISymbol element, IOperation body, ImmutableArray<IOperation> predicates,
        ImmutableArray<EarlierLoop> earlierLoops)
    {
        Source = source;
        Element = element;
        Body = body;
        Predicates = predicates;
        EarlierLoops = earlierLoops;
    }

    public EnumerationSource Source { get; }

    /// <summary>The loop variable or lambda parameter that holds one enumerated entry.</summary>
    public ISymbol Element { get; }

    /// <summary>The loop body or lambda body that runs per element.</summary>
    public IOperation Body { get; }

    /// <summary>
    /// LINQ predicates (Where, TakeWhile, SkipWhile) between the enumeration and the loop: a lambda, or the
    /// delegate passed when it is not one (a method group whose test cannot be seen).
    /// </summary>
    public ImmutableArray<IOperation> Predicates { get; }

    /// <summary>
    /// The loops the entry went through before the one that deletes it, nearest first: 'foreach (var f in
    /// Directory.GetFiles(d)) list.Add(f);' when the delete loops over 'list'.
    /// </summary>
    public ImmutableArray<EarlierLoop> EarlierLoops { get; }
}

/// <summary>
/// A loop (or ForEach lambda) that put an entry into a collection: its variable, its body and the operation that
/// stored the entry ('list.Add(f)', 'yield return f'), where the name tests that decide which entries travel on stand.
/// </summary>
internal readonly struct EarlierLoop
{
    public EarlierLoop(ISymbol element, IOperation body, IOperation store)
    {
        Element = element;
        Body = body;
        Store = store;
    }

    public ISymbol Element { get; }

    public IOperation Body { get; }

    public IOperation Store { get; }
}
