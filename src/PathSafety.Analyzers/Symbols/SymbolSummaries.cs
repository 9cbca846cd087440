using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PathSafety.Analyzers.Symbols;

/// <summary>
/// What one rule of thumb decides about a member or helper of the compilation from its declaration, kept for the
/// compilation: the summaries that ask about other members while deciding (a member whose value reads another member,
/// a guard helper that calls a guard helper). A cycle, or a chain deeper than the limit, gets the 'unknown' answer;
/// only an answer computed with nothing pending on the thread is kept, so a cut never depends on who asked first.
/// Thread-safe; each decision runs synchronously on the thread that asks.
/// </summary>
internal sealed class SymbolSummaries<TSymbol, TSummary>
    where TSymbol : class, ISymbol
{
    private readonly ConcurrentDictionary<TSymbol, TSummary> _known = new(SymbolEqualityComparer.Default);
    private readonly ThreadLocal<HashSet<TSymbol>> _pending = new(static () => new HashSet<TSymbol>(SymbolEqualityComparer.Default));
    private readonly int _maxNesting;
    private readonly TSummary _unknown;

    public SymbolSummaries(int maxNesting, TSummary unknown)
    {
        _maxNesting = maxNesting;
        _unknown = unknown;
    }

    public TSummary GetOrCompute<TState>(TSymbol symbol, TState state, Func<TSymbol, TState, TSummary> compute)
    {
        if (_known.TryGetValue(symbol, out var known))
        {
            return known;
        }

        var pending = _pending.Value!;
        if (pending.Count >= _maxNesting || !pending.Add(symbol))
        {
            return _unknown;
        }

        TSummary summary;
        try
        {
            summary = compute(symbol, state);
        }
        finally
        {
            pending.Remove(symbol);
        }

        if (pending.Count == 0)
        {
            _known.TryAdd(symbol, summary);
        }

        return summary;
    }
}
