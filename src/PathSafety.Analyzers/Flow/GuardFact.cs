using System;
using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers.Flow;

internal enum GuardFactKind
{
    /// <summary>The subject's current value is proven to stay inside the folder being cleaned.</summary>
    Contained,

    /// <summary>The subject holds Path.GetRelativePath(root, Other).</summary>
    RelativePathOf,

    /// <summary>The subject (a relative path) was checked not to start with "..".</summary>
    NoParentPrefix,

    /// <summary>The subject (a relative path) was checked not to be rooted.</summary>
    NotRooted,

    /// <summary>The subject (a bool) is true only when Other is contained.</summary>
    TrueMeansContained,

    /// <summary>The subject (a bool) is false only when Other is contained.</summary>
    FalseMeansContained,

    /// <summary>
    /// The method overwrote the file the subject names ('File.Create', 'FileMode.Create'…). Contained holds too; this
    /// fact also tells a catch or finally block that its try overwrites the subject on every normal exit.
    /// </summary>
    Overwritten,

    /// <summary>
    /// In a catch or finally block: the try overwrites the file the subject names on every normal exit, so deleting
    /// it loses nothing a successful run would not. Counts for file deletes only: the try may have failed because
    /// the subject names a folder.
    /// </summary>
    Claimed,

    /// <summary>
    /// The subject is one segment below a contained or anchored folder whose last segment may still be "", "." or
    /// "..": those name a folder, which a file delete cannot remove, so it counts for file deletes only.
    /// </summary>
    DirectChild,

    /// <summary>The subject (a name) has no directory separator of the running platform.</summary>
    NameNoSeparator,

    /// <summary>The subject (a name) is neither "." nor "..".</summary>
    NameNotDots,

    /// <summary>The subject (a name) is not empty.</summary>
    NameNotEmpty,

    /// <summary>The subject is one file name: no separator, not "", "." or "..".</summary>
    SingleName,

    /// <summary>The subject (a foreach variable) holds one of a constant array's safe relative names.</summary>
    ConstantName,
}

/// <summary>One thing known about a local or parameter at a program point; killed when either symbol is assigned.</summary>
internal readonly struct GuardFact : IEquatable<GuardFact>
{
    public GuardFact(GuardFactKind kind, ISymbol subject, ISymbol? other = null)
    {
        Kind = kind;
        Subject = subject;
        Other = other;
    }

    public GuardFactKind Kind { get; }

    public ISymbol Subject { get; }

    public ISymbol? Other { get; }

    public bool Mentions(ISymbol symbol)
        => SymbolEqualityComparer.Default.Equals(Subject, symbol) || SymbolEqualityComparer.Default.Equals(Other, symbol);

    public bool Equals(GuardFact other)
        => Kind == other.Kind
           && SymbolEqualityComparer.Default.Equals(Subject, other.Subject)
           && SymbolEqualityComparer.Default.Equals(Other, other.Other);

    public override bool Equals(object? obj) => obj is GuardFact other && Equals(other);

    public override int GetHashCode()
    {
        var hash = ((int)Kind * 397) ^ SymbolEqualityComparer.Default.GetHashCode(Subject);
        return Other is null ? hash : (hash * 397) ^ SymbolEqualityComparer.Default.GetHashCode(Other);
    }
}
