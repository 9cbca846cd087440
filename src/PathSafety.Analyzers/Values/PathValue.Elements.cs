using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Values;

/// <summary>
/// The variable of a 'foreach' loop: the elements of the collection it runs over, when every one of them is known. An
/// array written out ('new[] { "logs", "cache" }'), LINQ that keeps elements ('Where', 'OrderBy', 'ToList'…), a
/// 'Select' that keeps them or picks one tuple element of each ('files.Select(f => f.Path)'), and an iterator property
/// or helper of the compilation (its 'yield return' values). Relative when every element is, absolute when every
/// element is; anything else is unknown.
/// </summary>
internal sealed partial class PathValue
{
    private PathValueInfo FromLoopVariable(IForEachLoopOperation loop, int depth, ImmutableHashSet<ILocalSymbol> following)
    {
        var elements = new List<IOperation>();
        if (!AddElements(loop.Collection, elements, depth + 1) || elements.Count == 0)
        {
            return PathValueInfo.Unknown;
        }

        PathValueInfo? relative = null;
        var allRelative = true;
        var allAbsolute = true;
        foreach (var element in elements)
        {
            var info = Classify(element, depth + 1, following);
            relative ??= info.Kind == PathValueKind.Relative ? info : null;
            allRelative &= info.Kind == PathValueKind.Relative;
            allAbsolute &= info.Kind == PathValueKind.Absolute;
        }

        if (allRelative && relative is not null)
        {
            return relative;
        }

        return allAbsolute ? PathValueInfo.Absolute : PathValueInfo.Unknown;
    }

    /// <summary>The loop whose variable <paramref name="read"/> reads, from inside its body (the variable is read-only).</summary>
    private static IForEachLoopOperation? LoopOf(ILocalReferenceOperation read)
    {
        for (var current = read.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation loop && SymbolEqualityComparer.Default.Equals(LoopVariable(loop), read.Local))
            {
                return loop;
            }
        }

        return null;
    }

    private static ILocalSymbol? LoopVariable(IForEachLoopOperation loop)
        => loop.LoopControlVariable switch
        {
            IVariableDeclaratorOperation declarator => declarator.Symbol,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };

    /// <summary>Adds every element <paramref name="collection"/> can yield; false when some element is not known.</summary>
    private bool AddElements(IOperation collection, List<IOperation> elements, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        collection = collection.WithoutConversions();
        switch (collection)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                elements.AddRange(initializer.ElementValues);
                return true;
            case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _enumerable):
                return AddLinqElements(invocation, elements, depth);
            case IPropertyReferenceOperation { Property: { Parameters.Length: 0, GetMethod: { } getter } }:
                return AddYielded(getter, collection.SemanticModel, elements);
            case IInvocationOperation { TargetMethod: { IsAsync: false } method }:
                return AddYielded(method, collection.SemanticModel, elements);
            default:
                return false;
        }
    }

    private bool AddLinqElements(IInvocationOperation invocation, List<IOperation> elements, int depth)
    {
        if (invocation.Arguments.Length == 0)
        {
            return false;
        }

        var source = invocation.Arguments[0].Value;
        switch (invocation.TargetMethod.Name)
        {
            case var name when LinqOperators.KeepsSourceElements(name):
                return AddElements(source, elements, depth + 1);
            case "Select" when invocation.Arguments.Length == 2
                               && invocation.Arguments[1].Value.WithoutConversions() is IDelegateCreationOperation
                               {
                                   Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } selector,
                               }
                               && Selected(selector) is { } selected:
                var sourceElements = new List<IOperation>();
                if (!AddElements(source, sourceElements, depth + 1))
                {
                    return false;
                }

                foreach (var element in sourceElements)
                {
                    if (Pick(element, selected, selector.Symbol.Parameters[0]) is not { } picked)
                    {
                        return false;
                    }

                    elements.Add(picked);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>What a one-parameter lambda returns: its expression body, or the value of its only 'return'.</summary>
    private static IOperation? Selected(IAnonymousFunctionOperation selector)
        => selector.Body.Operations is { Length: 1 } operations && operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    /// <summary>
    /// The part of <paramref name="element"/> the selector returns: the element itself ('f => f'), or one element of a
    /// tuple ('f => f.Path' of '(path, kind)'); null for anything else.
    /// </summary>
    private static IOperation? Pick(IOperation element, IOperation selected, IParameterSymbol parameter)
    {
        selected = selected.WithoutConversions();
        if (selected is IParameterReferenceOperation self && SymbolEqualityComparer.Default.Equals(self.Parameter, parameter))
        {
            return element;
        }

        if (selected is not IFieldReferenceOperation { Instance: IParameterReferenceOperation owner, Field: var field }
            || !SymbolEqualityComparer.Default.Equals(owner.Parameter, parameter)
            || field.ContainingType is not { IsTupleType: true } tuple
            || element.WithoutConversions() is not ITupleOperation literal)
        {
            return null;
        }

        var elements = tuple.TupleElements;
        for (var i = 0; i < elements.Length && i < literal.Elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i], field)
                || SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField, field.CorrespondingTupleField))
            {
                return literal.Elements[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The 'yield return' values of an iterator of the compilation (a property getter or a method, declared once, not
    /// overridable, short enough to read); false for anything else.
    /// </summary>
    private bool AddYielded(IMethodSymbol iterator, SemanticModel? atHand, List<IOperation> elements)
    {
        if (iterator.IsAbstract || iterator.IsVirtual || iterator.IsOverride || iterator.IsExtern
            || iterator.DeclaringSyntaxReferences.Length != 1
            || iterator.DeclaringSyntaxReferences[0].GetSyntax() is not { } declaration
            || !SourceModels.IsAffordable(declaration))
        {
            return false;
        }

        var yielded = new List<ExpressionSyntax>();
        var body = declaration.DescendantNodes(n => n == declaration || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
        foreach (var node in body)
        {
            if (node is YieldStatementSyntax { Expression: { } value } statement && statement.IsKind(SyntaxKind.YieldReturnStatement))
            {
                yielded.Add(value);
            }
            else if (node is ReturnStatementSyntax { Expression: not null } or ArrowExpressionClauseSyntax)
            {
                // Not an iterator: its collection is built some other way.
                return false;
            }
        }

        foreach (var value in yielded)
        {
            if (_models.GetOperation(value, atHand) is not { } operation)
            {
                return false;
            }

            elements.Add(operation);
        }

        return yielded.Count > 0;
    }
}
