using System.Collections;
using System.Reflection;

namespace MiniSpark.Tests.Support;

/// <summary>Compares a typed read of a nested value (records, lists, dictionaries) with the untyped read of the same value.</summary>
internal static class NestedValues
{
    /// <summary>Fails, naming the path, where <paramref name="typed"/> differs from <paramref name="untyped"/>.</summary>
    /// <remarks>Untyped structs match records by property name, case-insensitively, as the reader matches them; a
    /// record may have fewer properties than the struct has fields (a projection).</remarks>
    public static void AssertSame(object? untyped, object? typed, string path)
    {
        if (untyped is null || typed is null)
        {
            Assert.True(untyped is null && typed is null, $"{path}: untyped {DuckDbText.Format(untyped)}, typed {typed ?? "null"}");
            return;
        }
        switch (untyped)
        {
            case IDictionary map:
            {
                var typedMap = Assert.IsAssignableFrom<IDictionary>(typed);
                Assert.True(map.Count == typedMap.Count, $"{path}: {map.Count} entries untyped, {typedMap.Count} typed");
                object[] keys = [.. map.Keys.Cast<object>()], typedKeys = [.. typedMap.Keys.Cast<object>()];
                for (int i = 0; i < keys.Length; i++)
                {
                    Assert.True(Equals(keys[i], typedKeys[i]), $"{path}: key {i} is {keys[i]} untyped, {typedKeys[i]} typed");
                    AssertSame(map[keys[i]], typedMap[typedKeys[i]], $"{path}[{keys[i]}]");
                }
                break;
            }
            case IReadOnlyDictionary<string, object?> structure:
                foreach (PropertyInfo property in typed.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    string field = structure.Keys.Single(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                    AssertSame(structure[field], property.GetValue(typed), $"{path}.{field}");
                }
                break;
            case IList list when untyped is not byte[]:
            {
                var typedList = Assert.IsAssignableFrom<IList>(typed);
                Assert.True(list.Count == typedList.Count, $"{path}: {list.Count} elements untyped, {typedList.Count} typed");
                for (int i = 0; i < list.Count; i++) AssertSame(list[i], typedList[i], $"{path}[{i}]");
                break;
            }
            default:
                Assert.True(Equals(untyped, typed) || (untyped is byte[] a && typed is byte[] b && a.AsSpan().SequenceEqual(b)),
                    $"{path}: untyped {DuckDbText.Format(untyped)}, typed {DuckDbText.Format(typed)}");
                break;
        }
    }
}
