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
/// The values a field, property or helper method of the compilation can hold or return, read from its declarations
/// wherever they are in the compilation (through <see cref="SourceModels"/>): a field's or auto-property's initializer
/// and every write inside its type, a computed property's expression, a helper's returned expressions.
/// <see cref="Complete"/> says whether these are all its values: false when code outside the type may set it (a
/// settable public property, a non-private writable field), or a write is not followed (ref/out, compound).
/// </summary>
internal sealed class MemberValueSet
{
    public static readonly MemberValueSet None = new MemberValueSet(ImmutableArray<IOperation>.Empty, complete: false);

    public MemberValueSet(ImmutableArray<IOperation> values, bool complete)
    {
        Values = values;
        Complete = complete && !values.IsEmpty;
    }

    public ImmutableArray<IOperation> Values { get; }

    public bool Complete { get; }
}

/// <summary>
/// Reads <see cref="MemberValueSet"/>s on demand, once per member and compilation (thread-safe). Symbols from metadata,
/// members declared more than once, overridable methods and methods with no returned value are never read.
/// </summary>
internal sealed class MemberValues
{
    private readonly Compilation _compilation;
    private readonly SourceModels _models;
    private readonly ConcurrentDictionary<ISymbol, MemberValueSet> _values = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, IOperation?> _initial = new(SymbolEqualityComparer.Default);

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
        if (member.DeclaringSyntaxReferences.Length != 1 || !_compilation.ContainsSyntaxTree(member.DeclaringSyntaxReferences[0].SyntaxTree))
        {
            return MemberValueSet.None;
        }

        return _values.TryGetValue(member, out var known) ? known : _values.GetOrAdd(member, Read(member, atHand));
    }

    /// <summary>
    /// The initializer of a stored member (a field or auto-property), one of its values, read without its writes (a scan
    /// of its type and a binding of each): a caller whose answer one value can settle asks this first. Null when the
    /// member has none, or its values are already read.
    /// </summary>
    public IOperation? InitialValue(ISymbol member, SemanticModel? atHand)
    {
        member = member.OriginalDefinition;
        if (member is not (IFieldSymbol or IPropertySymbol)
            || member.DeclaringSyntaxReferences.Length != 1
            || !_compilation.ContainsSyntaxTree(member.DeclaringSyntaxReferences[0].SyntaxTree)
            || _values.ContainsKey(member)
            || Initializer(member) is not { } initializer
            || !SourceModels.IsAffordable(initializer))
        {
            return null;
        }

        return _initial.TryGetValue(member, out var known) ? known : _initial.GetOrAdd(member, _models.GetOperation(initializer, atHand));
    }

    private MemberValueSet Read(ISymbol member, SemanticModel? atHand)
    {
        return member switch
        {
            IFieldSymbol field => ReadStored(field, field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private, atHand),
            IPropertySymbol property => ReadProperty(property, atHand),
            IMethodSymbol method => ReadHelper(method, atHand),
            _ => MemberValueSet.None,
        };
    }

    private MemberValueSet ReadProperty(IPropertySymbol property, SemanticModel? atHand)
    {
        var declaration = property.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration is not PropertyDeclarationSyntax syntax)
        {
            return MemberValueSet.None;
        }

        if (ComputedValue(syntax) is { } computed)
        {
            return property.SetMethod is null && SourceModels.IsAffordable(computed) && _models.GetOperation(computed, atHand) is { } value
                ? new MemberValueSet(ImmutableArray.Create(value), complete: true)
                : MemberValueSet.None;
        }

        if (!IsAutoProperty(syntax))
        {
            return MemberValueSet.None;
        }

        // Only the type can set a get-only or privately set auto-property; anyone can set the others.
        var owned = property.SetMethod is null
                    || (property.SetMethod.DeclaredAccessibility == Accessibility.Private && !property.SetMethod.IsInitOnly);
        return ReadStored(property, owned, atHand);
    }

    /// <summary>The initializer and every write inside the member's type (all its declarations, nested types included).</summary>
    private MemberValueSet ReadStored(ISymbol member, bool owned, SemanticModel? atHand)
    {
        var type = member.ContainingType;
        if (type is null)
        {
            return MemberValueSet.None;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        var complete = owned;
        if (Initializer(member) is { } initializer)
        {
            if (!SourceModels.IsAffordable(initializer) || _models.GetOperation(initializer, atHand) is not { } value)
            {
                return MemberValueSet.None;
            }

            values.Add(value);
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (WrittenPart(node) is not { } written || !MayName(written, member.Name))
                {
                    continue;
                }

                if (!SourceModels.IsAffordable(node))
                {
                    // A write this does not read could give the member any value.
                    return MemberValueSet.None;
                }

                List<ValueWrite>? writes = null;
                if (_models.GetOperation(node, atHand) is { } operation)
                {
                    ValueWrites.Add(operation, ref writes);
                }

                foreach (var write in writes ?? new List<ValueWrite>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(write.Target.OriginalDefinition, member))
                    {
                        continue;
                    }

                    // A write whose value is not followed (ref/out, compound) leaves the member's values unknown.
                    if (write.Value is null)
                    {
                        complete = false;
                        continue;
                    }

                    values.Add(write.Value);
                }
            }
        }

        return new MemberValueSet(values.ToImmutable(), complete);
    }

    /// <summary>
    /// A helper of the compilation (a user-defined conversion too): every expression it returns, when it cannot be
    /// overridden (for an async helper, the values its task completes with).
    /// </summary>
    private MemberValueSet ReadHelper(IMethodSymbol method, SemanticModel? atHand)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Conversion)
            || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern || method.ReturnsVoid)
        {
            return MemberValueSet.None;
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
                return MemberValueSet.None;
        }

        // A helper too long to bind whole is read when it returns one local: only that local's written values are bound.
        var affordable = SourceModels.IsAffordable(declaration);
        if (!affordable && LongHelperReturns.WrittenValues(declaration, returned) is { } written)
        {
            returned = written;
            affordable = true;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>(returned.Count);
        foreach (var expression in returned)
        {
            if (!affordable || _models.GetOperation(expression, atHand) is not { } value)
            {
                return MemberValueSet.None;
            }

            values.Add(value);
        }

        return new MemberValueSet(values.ToImmutable(), complete: true);
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
