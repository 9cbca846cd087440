using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PathSafety.Analyzers.Knowledge.Guards
{
    /// <summary>
    /// The values a type assigns to its own fields and auto-properties (initializers, constructors, methods), so
    /// PS0007 can tell that '_root' always ends with a separator when every assignment appends one. Only members
    /// nothing outside the type can assign count: readonly or private fields, properties without a public setter.
    /// One instance per type (symbol start to symbol end).
    /// </summary>
    internal sealed class MemberRoots
    {
        private readonly INamedTypeSymbol _type;
        private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<IOperation?>> _values =
            new ConcurrentDictionary<ISymbol, ConcurrentQueue<IOperation?>>(SymbolEqualityComparer.Default);

        public MemberRoots(INamedTypeSymbol type)
        {
            _type = type;
        }

        /// <summary>The member a root expression reads, when it is one of this type's assignable-only-here members.</summary>
        public ISymbol? GetMember(IOperation? root)
        {
            var member = ContainmentGuards.Unwrap(root) switch
            {
                IFieldReferenceOperation { Field: { IsConst: false } field } when field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private => (ISymbol)field,
                IPropertyReferenceOperation { Property: { Parameters.Length: 0 } property }
                    when property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private || property.SetMethod.IsInitOnly => property,
                _ => null,
            };

            return member is not null && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, _type.OriginalDefinition)
                ? member.OriginalDefinition
                : null;
        }

        public void Add(IOperation operation)
        {
            switch (operation)
            {
                case IFieldInitializerOperation initializer:
                    foreach (var field in initializer.InitializedFields)
                    {
                        Add(field, initializer.Value);
                    }

                    break;
                case IPropertyInitializerOperation initializer:
                    foreach (var property in initializer.InitializedProperties)
                    {
                        Add(property, initializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation assignment:
                    AddWrite(assignment.Target, assignment.Value);
                    break;
                case ICompoundAssignmentOperation compound:
                    AddWrite(compound.Target, null);
                    break;
            }
        }

        /// <summary>True when the member is assigned at least once and every value satisfies <paramref name="predicate"/>.</summary>
        public bool All(ISymbol member, System.Func<IOperation, bool> predicate)
            => _values.TryGetValue(member, out var values) && AssignmentTable.AllKnown(values, predicate);

        private void AddWrite(IOperation target, IOperation? value)
        {
            ISymbol? member = target switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };

            if (member is not null)
            {
                Add(member, value);
            }
        }

        private void Add(ISymbol member, IOperation? value)
            => _values.GetOrAdd(member.OriginalDefinition, _ => new ConcurrentQueue<IOperation?>()).Enqueue(value);
    }

    /// <summary>A PS0007 finding whose (a) waits for the type's member assignments.</summary>
    internal sealed class DeferredCheck
    {
        public DeferredCheck(Location location, MissingIngredient missing, ISymbol rootMember)
        {
            Location = location;
            Missing = missing;
            RootMember = rootMember;
        }

        public Location Location { get; }

        public MissingIngredient Missing { get; }

        public ISymbol RootMember { get; }
    }
}
