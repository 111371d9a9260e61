using System.Globalization;
using System.Text;

namespace Scheduler.Build;

/// <summary>
/// A small strict JSON reader for plan files. The generator runs inside the compiler on netstandard2.0, where
/// System.Text.Json is not guaranteed to be loadable, and it must not depend on the project's own libraries; plan
/// files are machine-written, so a recursive-descent reader of RFC 8259 values is enough.
/// </summary>
/// <remarks>Values come back as <c>Dictionary&lt;string, object?&gt;</c> (objects, keys in file order not kept),
/// <c>List&lt;object?&gt;</c>, <c>string</c>, <c>long</c> (integers) or <c>double</c>, <c>bool</c> and null.</remarks>
internal sealed class PlanJsonReader
{
    private readonly string _text;
    private int _at;

    private PlanJsonReader(string text) => _text = text;

    /// <summary>Parses one JSON value filling the whole text.</summary>
    /// <exception cref="FormatException">The text is not valid JSON (the message gives the character offset).</exception>
    public static object? Parse(string text)
    {
        var reader = new PlanJsonReader(text);
        object? value = reader.Value();
        reader.SkipWhitespace();
        return reader._at == text.Length ? value : throw reader.Error("unexpected text after the value");
    }

    private object? Value()
    {
        SkipWhitespace();
        if (_at >= _text.Length)
        {
            throw Error("unexpected end of text");
        }
        char c = _text[_at];
        switch (c)
        {
            case '{': return ObjectValue();
            case '[': return ArrayValue();
            case '"': return StringValue();
            case 't': return Literal("true", true);
            case 'f': return Literal("false", false);
            case 'n': return Literal("null", null);
            default: return c == '-' || (c >= '0' && c <= '9') ? NumberValue() : throw Error($"unexpected '{c}'");
        }
    }

    private Dictionary<string, object?> ObjectValue()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _at++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _at++;
            return result;
        }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("expected a property name");
            }
            string key = StringValue();
            SkipWhitespace();
            Expect(':');
            result[key] = Value();
            SkipWhitespace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }
            Expect('}');
            return result;
        }
    }

    private List<object?> ArrayValue()
    {
        var result = new List<object?>();
        _at++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _at++;
            return result;
        }
        while (true)
        {
            result.Add(Value());
            SkipWhitespace();
            if (Peek() == ',')
            {
                _at++;
                continue;
            }
            Expect(']');
            return result;
        }
    }

    private string StringValue()
    {
        _at++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length)
            {
                throw Error("unterminated string");
            }
            char c = _text[_at++];
            if (c == '"')
            {
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            char e = _at < _text.Length ? _text[_at++] : throw Error("unterminated escape");
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_at + 4 > _text.Length || !int.TryParse(_text.Substring(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("bad \\u escape");
                    }
                    sb.Append((char)code);
                    _at += 4;
                    break;
                default: throw Error($"bad escape '\\{e}'");
            }
        }
    }

    private object NumberValue()
    {
        int start = _at;
        while (_at < _text.Length && "+-0123456789.eE".IndexOf(_text[_at]) >= 0)
        {
            _at++;
        }
        string token = _text.Substring(start, _at - start);
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return integer;
        }
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double real)
            ? real
            : throw Error($"bad number '{token}'");
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
        {
            throw Error($"expected '{word}'");
        }
        _at += word.Length;
        return value;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"expected '{c}'");
        }
        _at++;
    }

    private char Peek() => _at < _text.Length ? _text[_at] : '\0';

    private void SkipWhitespace()
    {
        while (_at < _text.Length && _text[_at] is ' ' or '\t' or '\r' or '\n')
        {
            _at++;
        }
    }

    private FormatException Error(string what) => new($"{what} at character {_at}");
}
