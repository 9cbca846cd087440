using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PathSafety.Analyzers.Symbols;

namespace PathSafety.Analyzers.Scope;

/// <summary>
/// Recognises test classes (xunit, NUnit, MSTest, TUnit) by symbol: a class marked as a test fixture, or one with
/// a test, set-up or tear-down method. Tests create and delete scratch folders and are named after the cleanup
/// they test, so their names must not put them in maintenance scope. One instance per compilation; thread-safe.
/// </summary>
internal sealed class TestCode
{
    private static readonly string[] ClassAttributes =
    {
        "NUnit.Framework.TestFixtureAttribute",
        "NUnit.Framework.SetUpFixtureAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute",
    };

    // Method attributes; derived attributes count too (xunit's TheoryAttribute derives from FactAttribute).
    private static readonly string[] MethodAttributes =
    {
        "Xunit.FactAttribute",
        "NUnit.Framework.TestAttribute",
        "NUnit.Framework.TestCaseAttribute",
        "NUnit.Framework.TestCaseSourceAttribute",
        "NUnit.Framework.TheoryAttribute",
        "NUnit.Framework.SetUpAttribute",
        "NUnit.Framework.TearDownAttribute",
        "NUnit.Framework.OneTimeSetUpAttribute",
        "NUnit.Framework.OneTimeTearDownAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestInitializeAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestCleanupAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.ClassCleanupAttribute",
        "TUnit.Core.TestAttribute",
        "TUnit.Core.BeforeAttribute",
        "TUnit.Core.AfterAttribute",
    };

    private readonly ImmutableArray<INamedTypeSymbol> _classAttributes;
    private readonly ImmutableArray<INamedTypeSymbol> _methodAttributes;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _types = new(SymbolEqualityComparer.Default);

    private TestCode(ImmutableArray<INamedTypeSymbol> classAttributes, ImmutableArray<INamedTypeSymbol> methodAttributes, IAssemblySymbol assembly)
    {
        _classAttributes = classAttributes;
        _methodAttributes = methodAttributes;
        IsTestProject = IsReferenced(classAttributes, assembly) || IsReferenced(methodAttributes, assembly);
    }

    public static TestCode Create(Compilation compilation)
    {
        var known = KnownSymbols.GetOrCreate(compilation);
        return new TestCode(known.GetAll(ClassAttributes), known.GetAll(MethodAttributes), compilation.Assembly);
    }

    /// <summary>A framework type declared in another assembly (one declared in this project's own source is a stand-in).</summary>
    private static bool IsReferenced(ImmutableArray<INamedTypeSymbol> types, IAssemblySymbol assembly)
    {
        foreach (var type in types)
        {
            if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, assembly))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the compilation references a test framework's assembly: a test project, whose helpers and fixtures
    /// (not only its test classes) set up and delete scratch files in the folder the test runner gives them.
    /// </summary>
    public bool IsTestProject { get; }

    /// <summary>True when <paramref name="symbol"/> is, or is inside, a test class (or a type nested in one).</summary>
    public bool Contains(ISymbol symbol)
    {
        if (_classAttributes.IsEmpty && _methodAttributes.IsEmpty)
        {
            return false;
        }

        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamedTypeSymbol type && _types.GetOrAdd(type, IsTestClass))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsTestClass(INamedTypeSymbol type)
    {
        if (HasAttribute(type, _classAttributes))
        {
            return true;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol method && HasAttribute(method, _methodAttributes))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, ImmutableArray<INamedTypeSymbol> known)
    {
        if (known.IsEmpty)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (KnownSymbols.IsAny(type, known))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
