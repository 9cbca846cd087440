using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers.Values;

internal enum PathValueKind
{
    /// <summary>Not known at compile time (a parameter, configuration, anything PathSafety does not follow).</summary>
    Unknown,

    /// <summary>Names the same place whatever the current directory is.</summary>
    Absolute,

    /// <summary>Depends on the current directory (or current drive) on every path through the code.</summary>
    Relative,

    /// <summary>Depends on the current directory on at least one path (<see cref="PathValueInfo.Condition"/> says which).</summary>
    MaybeRelative,
}

/// <summary>What <see cref="PathValue"/> knows about one path value.</summary>
internal sealed class PathValueInfo
{
    public static readonly PathValueInfo Unknown = new PathValueInfo(PathValueKind.Unknown, string.Empty, string.Empty, null, null);

    public static readonly PathValueInfo Absolute = new PathValueInfo(PathValueKind.Absolute, string.Empty, string.Empty, null, null);

    private PathValueInfo(PathValueKind kind, string display, string condition, IOperation? source, Location? writtenAt)
    {
        Kind = kind;
        Display = display;
        Condition = condition;
        Source = source;
        WrittenAt = writtenAt;
    }

    public PathValueKind Kind { get; }

    public bool IsRelativeOnSomePath => Kind is PathValueKind.Relative or PathValueKind.MaybeRelative;

    /// <summary>How a message shows the relative value: '"logs"', 'Directory.GetCurrentDirectory()'.</summary>
    public string Display { get; }

    /// <summary>For <see cref="PathValueKind.MaybeRelative"/>: when it is relative ('when linux is true'); else empty.</summary>
    public string Condition { get; }

    /// <summary>The operation that produced the relative value (a literal, a constant or field reference, a call).</summary>
    public IOperation? Source { get; }

    /// <summary>Where the relative text was written when that is a declaration (a constant, a static readonly field).</summary>
    public Location? WrittenAt { get; }

    public static PathValueInfo Relative(string display, IOperation source, Location? writtenAt = null)
        => new PathValueInfo(PathValueKind.Relative, display, string.Empty, source, writtenAt);

    /// <summary>The same relative value, but relative only when <paramref name="condition"/> holds.</summary>
    public PathValueInfo OnlyWhen(string condition)
        => new PathValueInfo(PathValueKind.MaybeRelative, Display, condition, Source, WrittenAt);
}
