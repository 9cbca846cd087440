using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// Reads <see cref="MemberValueSet"/>s on demand, once per member and compilation (thread-safe). Symbols from metadata,
/// members declared more than once, overridable methods and methods with no returned value are never read.
/// </summary>
internal sealed class MemberValues
{
    private readonly Compilation _compilation;
    private readonly SourceModels _models;
    private readonly ConcurrentDictionary<ISymbol, MemberValueSet> _values = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, List<(SyntaxNode Node, SyntaxNode Written)>> _writeSites =
        new(SymbolEqualityComparer.Default);

    private MemberValues(KnownSymbols known)
    {
        _compilation = known.Compilation;
        _models = SourceModels.GetOrCreate(known.Compilation);
    }

    public static MemberValues GetOrCreate(KnownSymbols known) => known.GetOrCreateTable(static k => new MemberValues(k));

    /// <summary>
    /// The member a value reads or the helper it calls: a field, a parameterless property or a source method. An async
    /// helper's returned values are what awaiting it gives ('await Make()', 'Make().Result'), not its task.
    /// </summary>
    public static ISymbol? MemberOf(IOperation value)
        => value.WithoutConversions() switch
        {
            IFieldReferenceOperation { Field: { IsConst: false } field } => field.OriginalDefinition,
            IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } when AsyncHelperOf(task) is { } helper => helper,
            IAwaitOperation { Operation: var task } when AsyncHelperOf(task) is { } helper => helper,
            IPropertyReferenceOperation { Property: { Parameters.Length: 0 } property } => property.OriginalDefinition,
            IInvocationOperation { TargetMethod: { IsAsync: false } method } => method.OriginalDefinition,
            _ => null,
        };

    private static IMethodSymbol? AsyncHelperOf(IOperation task)
        => task.WithoutConversions() is IInvocationOperation { TargetMethod: { IsAsync: true } method } ? method.OriginalDefinition : null;

    /// <summary>
    /// The values of <paramref name="member"/>. <paramref name="atHand"/> is the model of the code asking: declarations
    /// in its file are read through it (the compiler has bound them already), the others through <see cref="SourceModels"/>.
    /// </summary>
    public MemberValueSet Of(ISymbol member, SemanticModel? atHand = null)
    {
        member = member.OriginalDefinition;
        if (!IsReadable(member))
        {
            return MemberValueSet.None;
        }

        return _values.TryGetValue(member, out var known) ? known : _values.GetOrAdd(member, Collect(Read(member, atHand)));
    }

    /// <summary>
    /// The values of <paramref name="member"/> one at a time, each bound only when reached: a reader that one value can
    /// settle stops there without binding the members that write the others. Read to the end, the values are kept as
    /// <see cref="Of"/>'s answer. Yields nothing for a member that is not read.
    /// </summary>
    public IEnumerable<MemberValue> OneByOne(ISymbol member, SemanticModel? atHand)
    {
        member = member.OriginalDefinition;
        if (!IsReadable(member))
        {
            yield break;
        }

        if (_values.TryGetValue(member, out var known))
        {
            foreach (var value in known.Values)
            {
                yield return new MemberValue(value);
            }

            if (!known.Complete && !known.Values.IsEmpty)
            {
                yield return MemberValue.NotFollowed;
            }

            yield break;
        }

        var read = new List<MemberValue>();
        foreach (var step in Read(member, atHand))
        {
            read.Add(step);
            yield return step;
            if (step.IsUnreadable)
            {
                break;
            }
        }

        _values.TryAdd(member, Collect(read));
    }

    private bool IsReadable(ISymbol member)
        => member.DeclaringSyntaxReferences.Length == 1 && _compilation.ContainsSyntaxTree(member.DeclaringSyntaxReferences[0].SyntaxTree);

    private static MemberValueSet Collect(IEnumerable<MemberValue> steps)
    {
        var values = ImmutableArray.CreateBuilder<IOperation>();
        var complete = true;
        foreach (var step in steps)
        {
            if (step.IsUnreadable)
            {
                return MemberValueSet.None;
            }

            if (step.Value is null)
            {
                complete = false;
                continue;
            }

            values.Add(step.Value);
        }

        return new MemberValueSet(values.ToImmutable(), complete);
    }

    private IEnumerable<MemberValue> Read(ISymbol member, SemanticModel? atHand)
        => member switch
        {
            IFieldSymbol field => ReadStored(field, field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private, atHand),
            IPropertySymbol property => ReadProperty(property, atHand),
            IMethodSymbol method => ReadHelper(method, atHand),
            _ => Array.Empty<MemberValue>(),
        };

    private IEnumerable<MemberValue> ReadProperty(IPropertySymbol property, SemanticModel? atHand)
    {
        var declaration = property.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration is not PropertyDeclarationSyntax syntax)
        {
            return Array.Empty<MemberValue>();
        }

        if (ComputedValue(syntax) is { } computed)
        {
            return property.SetMethod is null && SourceModels.IsAffordable(computed) && _models.GetOperation(computed, atHand) is { } value
                ? new[] { new MemberValue(value) }
                : Array.Empty<MemberValue>();
        }

        if (!IsAutoProperty(syntax))
        {
            return Array.Empty<MemberValue>();
        }

        // Only the type can set a get-only or privately set auto-property; anyone can set the others.
        var owned = property.SetMethod is null
                    || (property.SetMethod.DeclaredAccessibility == Accessibility.Private && !property.SetMethod.IsInitOnly);
        return ReadStored(property, owned, atHand);
    }

    /// <summary>The initializer and every write inside the member's type (all its declarations, nested types included).</summary>
    private IEnumerable<MemberValue> ReadStored(ISymbol member, bool owned, SemanticModel? atHand)
    {
        var type = member.ContainingType;
        if (type is null)
        {
            yield break;
        }

        if (!owned)
        {
            yield return MemberValue.NotFollowed;
        }

        if (Initializer(member) is { } initializer)
        {
            if (!SourceModels.IsAffordable(initializer) || _models.GetOperation(initializer, atHand) is not { } value)
            {
                yield return MemberValue.Unreadable;
                yield break;
            }

            yield return new MemberValue(value);
        }

        foreach (var (node, written) in WriteSitesOf(type))
        {
            if (!MayName(written, member.Name))
            {
                continue;
            }

            if (!SourceModels.IsAffordable(node))
            {
                // A write this does not read could give the member any value.
                yield return MemberValue.Unreadable;
                yield break;
            }

            List<ValueWrite>? writes = null;
            if (_models.GetOperation(node, atHand) is { } operation)
            {
                ValueWrites.Add(operation, ref writes);
            }

            foreach (var write in writes ?? new List<ValueWrite>())
            {
                if (SymbolEqualityComparer.Default.Equals(write.Target.OriginalDefinition, member))
                {
                    // A write whose value is not followed (ref/out, compound) leaves the member's values unknown.
                    yield return write.Value is null ? MemberValue.NotFollowed : new MemberValue(write.Value);
                }
            }
        }
    }

    /// <summary>
    /// Every node of a type (all its declarations, nested types included) that writes something, in document order,
    /// found with one walk of the type: a type's members are asked about one by one, and each used to walk it again.
    /// </summary>
    private List<(SyntaxNode Node, SyntaxNode Written)> WriteSitesOf(INamedTypeSymbol type)
    {
        type = type.OriginalDefinition;
        if (_writeSites.TryGetValue(type, out var known))
        {
            return known;
        }

        var sites = new List<(SyntaxNode, SyntaxNode)>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (WrittenPart(node) is { } written)
                {
                    sites.Add((node, written));
                }
            }
        }

        return _writeSites.GetOrAdd(type, sites);
    }

    /// <summary>
    /// A helper of the compilation (a user-defined conversion too): every expression it returns, when it cannot be
    /// overridden (for an async helper, the values its task completes with).
    /// </summary>
    private IEnumerable<MemberValue> ReadHelper(IMethodSymbol method, SemanticModel? atHand)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Conversion)
            || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern || method.ReturnsVoid)
        {
            yield break;
        }

        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
        var returned = new List<ExpressionSyntax>();
        switch (declaration)
        {
            case BaseMethodDeclarationSyntax { ExpressionBody: { } arrow }:
                returned.Add(arrow.Expression);
                break;
            case BaseMethodDeclarationSyntax { Body: { } body }:
                CollectReturns(body, returned);
                break;
            case LocalFunctionStatementSyntax { ExpressionBody: { } localArrow }:
                returned.Add(localArrow.Expression);
                break;
            case LocalFunctionStatementSyntax { Body: { } localBody }:
                CollectReturns(localBody, returned);
                break;
            default:
                yield break;
        }

        // A helper too long to bind whole is read when it returns one local: only that local's written values are bound.
        var affordable = SourceModels.IsAffordable(declaration);
        if (!affordable && LongHelperReturns.WrittenValues(declaration, returned) is { } written)
        {
            returned = written;
            affordable = true;
        }

        foreach (var expression in returned)
        {
            if (!affordable || _models.GetOperation(expression, atHand) is not { } value)
            {
                yield return MemberValue.Unreadable;
                yield break;
            }

            yield return new MemberValue(value);
        }
    }

    /// <summary>The 'return' expressions of a body, not those of the lambdas and local functions in it.</summary>
    private static void CollectReturns(SyntaxNode body, List<ExpressionSyntax> returned)
    {
        foreach (var node in body.DescendantNodes(n => n == body || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax { Expression: { } expression })
            {
                returned.Add(expression);
            }
        }
    }

    private static ExpressionSyntax? Initializer(ISymbol member)
        => member.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax { Initializer.Value: { } value } => value,
            PropertyDeclarationSyntax { Initializer.Value: { } value } => value,
            _ => null,
        };

    /// <summary>
    /// The part of a node that a write names ('x' in 'x = …', 'ref x', '++x'); null for a node that writes nothing. Only
    /// nodes whose written part names the member are bound: binding every read would bind most of a large type.
    /// </summary>
    private static SyntaxNode? WrittenPart(SyntaxNode node)
        => node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left,
            ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument => argument.Expression,
            PrefixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                => unary.Operand,
            PostfixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression
                => unary.Operand,
            _ => null,
        };

    /// <summary>Cheap syntactic pre-test: a write of the member names it somewhere in the node.</summary>
    private static bool MayName(SyntaxNode node, string name)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAutoProperty(PropertyDeclarationSyntax declaration)
    {
        if (declaration.ExpressionBody is not null || declaration.AccessorList is not { } accessors)
        {
            return false;
        }

        foreach (var accessor in accessors.Accessors)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The expression a get-only property computes ('string Logs => Path.Combine(Root, "logs");', a getter whose body
    /// is one 'return'); null for any other property.
    /// </summary>
    private static ExpressionSyntax? ComputedValue(PropertyDeclarationSyntax declaration)
    {
        if (declaration.ExpressionBody is { } body)
        {
            return body.Expression;
        }

        if (declaration.AccessorList?.Accessors is not { Count: 1 } accessors)
        {
            return null;
        }

        var getter = accessors[0];
        return getter.ExpressionBody?.Expression
               ?? (getter.Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax { Expression: { } returned }
                   ? returned
                   : null);
    }
}
