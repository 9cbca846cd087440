using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// One fact about the string helpers of the compilation, read from every value each returns (<see cref="MemberValues"/>)
/// the first time a rule asks about a call to it, once per helper and compilation (thread-safe). A call to a method from
/// metadata, one not returning string, or a helper whose returned values are not all known gets the unknown answer.
/// </summary>
internal sealed class StringHelperFacts<T>
{
    private readonly MemberValues _values;
    private readonly Func<MemberValueSet, T> _read;
    private readonly T _unknown;
    private readonly ConcurrentDictionary<IMethodSymbol, T> _facts = new(SymbolEqualityComparer.Default);

    public StringHelperFacts(KnownSymbols known, Func<MemberValueSet, T> read, T unknown)
    {
        _values = MemberValues.GetOrCreate(known);
        _read = read;
        _unknown = unknown;
    }

    public T Of(IInvocationOperation call)
    {
        var method = call.TargetMethod.OriginalDefinition;
        if (method.ReturnType.SpecialType != SpecialType.System_String || method.Locations.Length == 0 || !method.Locations[0].IsInSource)
        {
            return _unknown;
        }

        return _facts.GetOrAdd(method, m => _values.Of(m) is { Complete: true } returned ? _read(returned) : _unknown);
    }
}
