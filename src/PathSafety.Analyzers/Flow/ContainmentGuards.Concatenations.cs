using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PathSafety.Analyzers.Symbols;
using PathSafety.Analyzers.Values;

namespace PathSafety.Analyzers.Flow;

/// <summary>Paths joined by string concatenation rather than Path.Combine.</summary>
internal sealed partial class ContainmentGuards
{
    /// <summary>
    /// 'root + "/app.pid"', 'root + Path.DirectorySeparatorChar + "cache/index.bin"', '$"{root}/app.pid"': a folder
    /// followed by constant text that starts with one separator and then names something below it (no '..', not rooted
    /// again), like 'Path.Combine(root, "app.pid")': a constant tail, whatever the folder is.
    /// </summary>
    private bool IsSeparatedConstantTail(IOperation concatenation)
    {
        var parts = new List<IOperation>();
        if (!AddConcatenatedParts(concatenation, parts, 8) || parts.Count < 2 || ConstantPart(parts[0]) is not null)
        {
            return false;
        }

        var tail = new StringBuilder();
        for (var i = 1; i < parts.Count; i++)
        {
            if (ConstantPart(parts[i]) is not { } text)
            {
                return false;
            }

            tail.Append(text);
        }

        var joined = tail.ToString();
        return joined.Length >= 2
               && PathText.IsSeparator(joined[0])
               && !PathText.IsSeparator(joined[1])
               && IsSafeRelativeName(joined.Substring(1));
    }

    // The operands of a string concatenation, or the holes and texts of an interpolation, left to right.
    private static bool AddConcatenatedParts(IOperation value, List<IOperation> parts, int depth)
    {
        value = value.WithoutConversions();
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add
                when add.Type?.SpecialType == SpecialType.System_String && depth > 0:
                return AddConcatenatedParts(add.LeftOperand, parts, depth - 1) && AddConcatenatedParts(add.RightOperand, parts, depth - 1);
            case IInterpolatedStringOperation interpolated when parts.Count == 0:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            parts.Add(text.Text);
                            break;
                        case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                            parts.Add(hole.Expression);
                            break;
                        default:
                            return false;
                    }
                }

                return true;
            default:
                parts.Add(value);
                return true;
        }
    }

    // The text of a constant string or char, or of Path.DirectorySeparatorChar / AltDirectorySeparatorChar ('/' stands
    // for either: only where a separator is matters).
    private string? ConstantPart(IOperation part)
    {
        part = part.WithoutConversions();
        return part.ConstantValue switch
        {
            { HasValue: true, Value: string text } => text,
            { HasValue: true, Value: char c } => c.ToString(),
            _ => part is IFieldReferenceOperation { Field.Name: "DirectorySeparatorChar" or "AltDirectorySeparatorChar" } field
                 && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _known.Path)
                ? "/"
                : null,
        };
    }
}
