using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
/// One step of reading a member's values (<see cref="MemberValues.OneByOne"/>): a value; or a write (or a setter
/// outside the type) whose value is not followed; or a declaration too long to read, after which nothing is known.
/// </summary>
internal readonly struct MemberValue
{
    public static readonly MemberValue NotFollowed = new MemberValue(null, unreadable: false);

    public static readonly MemberValue Unreadable = new MemberValue(null, unreadable: true);

    public MemberValue(IOperation? value, bool unreadable = false)
    {
        Value = value;
        IsUnreadable = unreadable;
    }

    public IOperation? Value { get; }

    public bool IsUnreadable { get; }
}
