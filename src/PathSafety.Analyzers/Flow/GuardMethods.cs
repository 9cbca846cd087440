using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Options;

namespace PathSafety.Analyzers.Flow;

/// <summary>How a guard method proves containment of the path it takes.</summary>
internal enum GuardMethodKind
{
    None,

    /// <summary>Returns normally only when the path is contained (throws otherwise).</summary>
    Throwing,

    /// <summary>Returns true only when the path is contained.</summary>
    Predicate,

    /// <summary>Returns the contained (full) path, or throws.</summary>
    ReturnsPath,
}

/// <summary>
/// Which methods are guards: the package's own PathSafety.PathGuard (by symbol, so it works with the
/// attributes switched off), any method carrying an attribute named PathGuard, methods listed by
/// documentation-comment ID in '.editorconfig' 'pathsafety.guard_methods' (',' separated — the
/// .editorconfig parser drops everything after a ';' as a comment, but a ';' that reaches us also
/// separates; an ID without a parameter list matches every overload), and unmarked methods of the
/// compilation whose bodies prove a parameter contained (GuardMethods.Summaries.cs).
/// </summary>
internal sealed partial class GuardMethods
{
    public const string OptionKey = EditorConfigOptions.Prefix + "guard_methods";

    private readonly AnalyzerOptions _options;
    private readonly INamedTypeSymbol? _packageGuard;
    private readonly ConcurrentDictionary<string, ImmutableHashSet<string>> _parsed = new(StringComparer.Ordinal);

    // Per compilation: a method's attributes and ID, and a file's configured list, are looked up once.
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _declared = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, string> _ids = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, ImmutableHashSet<string>> _configured = new();

    private GuardMethods(ContainmentGuards guards, AnalyzerOptions options)
    {
        _options = options;
        _guards = guards;
        _packageGuard = guards.Known.Get("PathSafety.PathGuard");
    }

    public static GuardMethods Create(ContainmentGuards guards, AnalyzerOptions options) => new GuardMethods(guards, options);

    /// <summary>
    /// A guard by declaration ([PathGuard], the package's PathGuard, the configured list), not by a summary of its body:
    /// PS0007 judges every prefix check inside such a method, and its own rules decide which unmarked helpers to judge.
    /// </summary>
    public bool IsMarked(IMethodSymbol method, SyntaxTree tree) => IsGuard(method, tree);

    /// <summary>The guard kind of <paramref name="method"/> as called from code in <paramref name="tree"/>.</summary>
    public GuardMethodKind GetKind(IMethodSymbol method, SyntaxTree tree)
    {
        if (!IsGuard(method, tree))
        {
            return Summarize(method).Kind;
        }

        if (method.ReturnsVoid)
        {
            return GuardMethodKind.Throwing;
        }

        return method.ReturnType.SpecialType switch
        {
            SpecialType.System_Boolean => GuardMethodKind.Predicate,
            SpecialType.System_String => GuardMethodKind.ReturnsPath,
            _ => GuardMethodKind.None,
        };
    }

    /// <summary>
    /// For a call to a guard method: the kind and the argument holding the guarded path (the parameter
    /// named like a path, else the last string parameter: the root usually comes first).
    /// </summary>
    public GuardMethodKind TryGetGuardCall(IInvocationOperation invocation, out IOperation? guardedPath)
    {
        guardedPath = null;
        if (invocation.Arguments.Length == 0)
        {
            return GuardMethodKind.None;
        }

        if (!IsGuard(invocation.TargetMethod, invocation.Syntax.SyntaxTree))
        {
            return TryGetSummarizedCall(invocation, out guardedPath);
        }

        var kind = GetKind(invocation.TargetMethod, invocation.Syntax.SyntaxTree);
        if (kind == GuardMethodKind.None)
        {
            return kind;
        }

        IArgumentOperation? chosen = null;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || parameter.Type.SpecialType != SpecialType.System_String)
            {
                continue;
            }

            if (IsPathName(parameter.Name))
            {
                chosen = argument;
                break;
            }

            if (chosen is null || chosen.Parameter!.Ordinal < parameter.Ordinal)
            {
                chosen = argument;
            }
        }

        guardedPath = chosen?.Value;
        return guardedPath is null ? GuardMethodKind.None : kind;
    }

    private bool IsGuard(IMethodSymbol method, SyntaxTree tree)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (_declared.GetOrAdd(method, IsDeclaredGuard))
        {
            return true;
        }

        var configured = _configured.GetOrAdd(tree, ReadConfigured);
        if (configured.IsEmpty)
        {
            return false;
        }

        var id = _ids.GetOrAdd(method, m => m.GetDocumentationCommentId() ?? string.Empty);
        if (id.Length == 0)
        {
            return false;
        }

        if (configured.Contains(id))
        {
            return true;
        }

        var open = id.IndexOf('(');
        return open > 0 && configured.Contains(id.Substring(0, open));
    }

    /// <summary>The package's PathGuard (by symbol) or an attribute named PathGuard.</summary>
    private bool IsDeclaredGuard(IMethodSymbol method)
    {
        if (_packageGuard is not null
            && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _packageGuard)
            && (method.Name == "EnsureWithin" || method.Name == "IsWithin"))
        {
            return true;
        }

        foreach (var attribute in method.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name == "PathGuardAttribute" || name == "PathGuard")
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableHashSet<string> ReadConfigured(SyntaxTree tree)
        => EditorConfigOptions.TryGetValue(_options, tree, OptionKey, out var text) && text.Length > 0
            ? _parsed.GetOrAdd(text, Parse)
            : ImmutableHashSet<string>.Empty;

    private static ImmutableHashSet<string> Parse(string text)
    {
        var builder = ImmutableHashSet.CreateBuilder(StringComparer.Ordinal);
        foreach (var part in Split(text))
        {
            var id = part.Trim();
            if (id.Length == 0)
            {
                continue;
            }

            // BannedApiAnalyzers' files always carry the 'M:' prefix; hand-written lists often forget it.
            builder.Add(id.StartsWith("M:", StringComparison.Ordinal) ? id : "M:" + id);
        }

        return builder.ToImmutable();
    }

    /// <summary>Splits on ';' and on ',' outside a parameter list ('M:N.T.M(System.String,System.String)').</summary>
    private static IEnumerable<string> Split(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == ';' || (c == ',' && depth == 0))
            {
                yield return text.Substring(start, i - start);
                start = i + 1;
            }
        }

        yield return text.Substring(start);
    }

    private static bool IsPathName(string name)
        => name.Equals("path", StringComparison.OrdinalIgnoreCase)
           || name.Equals("fullPath", StringComparison.OrdinalIgnoreCase)
           || name.Equals("candidate", StringComparison.OrdinalIgnoreCase);
}
