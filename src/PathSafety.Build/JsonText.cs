using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PathSafety.Build;

/// <summary>
/// A strict reader for the small JSON documents PathSafety writes (the manifest): objects, arrays, strings, numbers,
/// true, false and null, nothing after the value. Objects become dictionaries (a repeated key is an error), arrays
/// lists, numbers <see cref="decimal"/>. Base library only, so the task and the tool need no JSON package.
/// </summary>
internal sealed class JsonText
{
    private readonly string _text;
    private int _position;

    private JsonText(string text)
    {
        _text = text;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with the character position.</summary>
    public static object? Parse(string text)
    {
        var reader = new JsonText(text);
        var value = reader.ReadValue();
        reader.SkipWhiteSpace();
        if (reader._position < text.Length)
        {
            throw reader.Error(BuildMessages.JsonTrailingText);
        }

        return value;
    }

    private object? ReadValue()
    {
        SkipWhiteSpace();
        if (_position >= _text.Length)
        {
            throw Error(BuildMessages.JsonTruncated);
        }

        switch (_text[_position])
        {
            case '{': return ReadObject();
            case '[': return ReadArray();
            case '"': return ReadString();
            case 't': return ReadWord("true", true);
            case 'f': return ReadWord("false", false);
            case 'n': return ReadWord("null", null);
            default: return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        if (TryConsume('}'))
        {
            return result;
        }

        do
        {
            SkipWhiteSpace();
            if (_position >= _text.Length)
            {
                throw Error(BuildMessages.JsonTruncated);
            }

            if (_text[_position] != '"')
            {
                throw Error(BuildMessages.JsonExpected, "a property name in quotes");
            }

            var key = ReadString();
            Expect(':');
            var value = ReadValue();
            if (result.ContainsKey(key))
            {
                throw Error(BuildMessages.JsonDuplicateKey, key);
            }

            result.Add(key, value);
        }
        while (TryConsume(','));

        Expect('}');
        return result;
    }

    private List<object?> ReadArray()
    {
        var result = new List<object?>();
        _position++;
        if (TryConsume(']'))
        {
            return result;
        }

        do
        {
            result.Add(ReadValue());
        }
        while (TryConsume(','));

        Expect(']');
        return result;
    }

    private string ReadString()
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error(BuildMessages.JsonControlCharacter);
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case '"': case '\\': case '/': builder.Append(escape); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error(BuildMessages.JsonExpected, "four hexadecimal digits after \\u");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error(BuildMessages.JsonExpected, "a valid escape after '\\'");
            }
        }

        throw Error(BuildMessages.JsonTruncated);
    }

    private object? ReadWord(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error(_position + word.Length > _text.Length ? BuildMessages.JsonTruncated : BuildMessages.JsonUnexpected);
        }

        _position += word.Length;
        return value;
    }

    private decimal ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        var token = _text.Substring(start, _position - start);
        if (token.Length == 0 || !decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            _position = start;
            throw Error(BuildMessages.JsonUnexpected);
        }

        return number;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error(_position >= _text.Length ? BuildMessages.JsonTruncated : BuildMessages.JsonExpected, BuildMessages.Text("'{0}'", c));
        }
    }

    private bool TryConsume(char c)
    {
        SkipWhiteSpace();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private void SkipWhiteSpace()
    {
        while (_position < _text.Length && (_text[_position] is ' ' or '\t' or '\r' or '\n'))
        {
            _position++;
        }
    }

    private FormatException Error(string format, params object[] arguments) =>
        new FormatException(BuildMessages.Text(BuildMessages.JsonAt, BuildMessages.Text(format, arguments), _position + 1));
}
