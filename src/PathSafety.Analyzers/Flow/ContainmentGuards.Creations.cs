using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Flow;

/// <summary>Paths the method itself created or overwrote before deleting them.</summary>
internal sealed partial class ContainmentGuards
{
    // FileMode's values: CreateNew = 1, Create = 2.
    private const int FileModeCreateNew = 1;
    private const int FileModeCreate = 2;

    /// <summary>
    /// The path operand <paramref name="operation"/> overwrites ('File.Create', 'File.WriteAllText', 'FileMode.Create'
    /// or 'CreateNew', a copy's destination): afterwards the file holds only what this call put there, so deleting
    /// it loses nothing the method did not write, whatever the path. Null when it overwrites nothing:
    /// 'Directory.CreateDirectory' and 'FileMode.OpenOrCreate' keep what was there. A move's destination holds the
    /// source's content, so it counts only when the source is contained where the move runs
    /// (<paramref name="state"/>): moving a file and deleting the destination deletes the source.
    /// </summary>
    public IOperation? GetOverwrittenPath(IOperation operation, ImmutableHashSet<GuardFact> state)
    {
        switch (operation)
        {
            case IInvocationOperation { Arguments.Length: > 0 } call when IsType(call.TargetMethod.ContainingType, _known.File):
                return FileCall(call, state);
            case IObjectCreationOperation { Arguments.Length: >= 2 } creation
                when IsFileStream(creation.Type)
                     && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                return Overwrites(creation.Arguments[1].Value) ? creation.Arguments[0].Value : null;
            default:
                return null;
        }
    }

    private IOperation? FileCall(IInvocationOperation call, ImmutableHashSet<GuardFact> state)
    {
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
                return first;
            case "Open" when ArgumentAt(call, 1) is { } mode:
                return Overwrites(mode) ? first : null;
            case "Copy":
                return ArgumentAt(call, 1);
            case "Move" when first is not null && IsContainedValue(first, state):
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

    private bool Overwrites(IOperation mode)
        => IsType(mode.Type, _known.Get("System.IO.FileMode"))
           && mode.ConstantValue is { HasValue: true, Value: int value }
           && value is FileModeCreate or FileModeCreateNew;

    private static bool IsType(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && SymbolEqualityComparer.Default.Equals(type, known);
}
