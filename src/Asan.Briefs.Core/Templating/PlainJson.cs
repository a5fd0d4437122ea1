using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Asan.Briefs.Templating;

/// <summary>
/// Writes plain values (strings, numbers, booleans, dictionaries and script objects, lists and script
/// arrays) as JSON without reflection, so the template's <c>json</c> function works the same in a
/// native (AOT-compiled) build. The writer's default encoder escapes &lt;, &gt;, &amp; and quotes, so
/// the JSON can sit inside a script element.
/// </summary>
public static class PlainJson
{
    public static string Write(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, value);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int or long or short or byte: writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) Write(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new ArgumentException($"json: a template value of type {value.GetType().Name} has no JSON form; pass strings, numbers, lists or objects");
        }
    }
}
