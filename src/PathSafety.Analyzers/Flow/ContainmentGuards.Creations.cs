using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Flow;

/// <summary>How much a call that creates or writes a path proves about it (docs/guards.md, "Paths the method created").</summary>
internal enum CreationKind
{
    /// <summary>Nothing is created.</summary>
    None,

    /// <summary>
    /// The path exists afterwards but may have existed before with content of its own ('Directory.CreateDirectory',
    /// 'FileMode.OpenOrCreate'): the method owns it only when it also picked a fresh name.
    /// </summary>
    Ensures,

    /// <summary>
    /// Afterwards the file holds only what this call put there ('File.Create', 'File.WriteAllText', 'FileMode.Create',
    /// a copy's destination): deleting it loses nothing the method did not write, whatever the path.
    /// </summary>
    Replaces,
}

/// <summary>Paths the method itself created or overwrote before deleting them.</summary>
internal sealed partial class ContainmentGuards
{
    // FileMode's values: CreateNew = 1, Create = 2, OpenOrCreate = 4.
    private const int FileModeCreateNew = 1;
    private const int FileModeCreate = 2;
    private const int FileModeOpenOrCreate = 4;

    /// <summary>
    /// The path operand <paramref name="operation"/> creates or overwrites, and how much that proves; null when
    /// it creates nothing. A move's destination holds the source's content, so it counts only when the source is
    /// contained where the move runs (<paramref name="state"/>): moving a file and deleting the destination deletes the source.
    /// </summary>
    public IOperation? GetCreatedPath(IOperation operation, ImmutableHashSet<GuardFact> state, out CreationKind kind)
    {
        kind = CreationKind.None;
        switch (operation)
        {
            case IInvocationOperation { Arguments.Length: > 0 } call when IsType(call.TargetMethod.ContainingType, _known.File):
                return FileCall(call, state, out kind);
            case IInvocationOperation { Arguments.Length: > 0 } call when IsDirectoryMethod(call.TargetMethod, "CreateDirectory"):
                kind = CreationKind.Ensures;
                return call.Arguments[0].Value;
            case IObjectCreationOperation { Arguments.Length: >= 2 } creation
                when IsType(creation.Type, _known.Get("System.IO.FileStream"))
                     && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                kind = ModeKind(creation.Arguments[1].Value);
                return kind == CreationKind.None ? null : creation.Arguments[0].Value;
            default:
                return null;
        }
    }

    private IOperation? FileCall(IInvocationOperation call, ImmutableHashSet<GuardFact> state, out CreationKind kind)
    {
        kind = CreationKind.None;
        var first = ArgumentAt(call, 0);
        switch (call.TargetMethod.Name)
        {
            case "Create":
            case "WriteAllText":
            case "WriteAllTextAsync":
            case "WriteAllBytes":
            case "WriteAllBytesAsync":
            case "WriteAllLines":
            case "WriteAllLinesAsync":
                kind = CreationKind.Replaces;
                return first;
            case "Open" when ArgumentAt(call, 1) is { } mode:
                kind = ModeKind(mode);
                return kind == CreationKind.None ? null : first;
            case "Copy":
                kind = CreationKind.Replaces;
                return ArgumentAt(call, 1);
            case "Move" when first is not null && IsContainedValue(first, state):
                kind = CreationKind.Replaces;
                return ArgumentAt(call, 1);
            default:
                return null;
        }
    }

    /// <summary>The argument bound to parameter <paramref name="ordinal"/> (named arguments may come in any order).</summary>
    private static IOperation? ArgumentAt(IInvocationOperation call, int ordinal)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private CreationKind ModeKind(IOperation mode)
    {
        if (!IsType(mode.Type, _known.Get("System.IO.FileMode")) || mode.ConstantValue is not { HasValue: true, Value: int value })
        {
            return CreationKind.None;
        }

        return value switch
        {
            FileModeCreate or FileModeCreateNew => CreationKind.Replaces,
            FileModeOpenOrCreate => CreationKind.Ensures,
            _ => CreationKind.None,
        };
    }

    private static bool IsType(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(type, known);
}
