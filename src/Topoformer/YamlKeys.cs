using System.Collections;
using System.Reflection;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Scheduler.Topoformer;

/// <summary>
/// The keys of the records <see cref="YamlFile"/> reads (their snake_case property names) and what each key's value
/// must be, in words, so that error messages name keys and kinds ("an integer", "a list of names") and never .NET
/// types.
/// </summary>
internal static class YamlKeys
{
    /// <summary>The keys of the record named <paramref name="typeFullName"/> inside <paramref name="root"/>'s tree
    /// (<paramref name="root"/>'s own when none has that name).</summary>
    public static IReadOnlyList<string> Of(Type root, string typeFullName)
    {
        var type = Tree(root).FirstOrDefault(t => t.FullName == typeFullName) ?? root;
        return Properties(type).Select(p => Key(p.Name)).ToList();
    }

    /// <summary>What the value of <paramref name="key"/> must be (the first property of that name in the tree).</summary>
    public static string Expected(Type root, string key)
    {
        var property = Tree(root).SelectMany(Properties).FirstOrDefault(p => Key(p.Name) == key);
        return property is null ? "a value of another kind" : Describe(property.PropertyType);
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int))
        {
            return "an integer from -2147483648 to 2147483647";
        }
        if (type == typeof(long))
        {
            return "an integer";
        }
        if (type == typeof(double) || type == typeof(float))
        {
            return "a number";
        }
        if (type == typeof(bool))
        {
            return "true or false";
        }
        if (type == typeof(string))
        {
            return "text";
        }
        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            return "a mapping of names to values";
        }
        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            return "a list of names";
        }
        return $"a mapping with the keys {string.Join(", ", Properties(type).Select(p => Key(p.Name)))}";
    }

    /// <summary><paramref name="root"/> and, recursively, the record types of its properties.</summary>
    private static IEnumerable<Type> Tree(Type root)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([root]);
        while (queue.TryDequeue(out var t))
        {
            if (!seen.Add(t))
            {
                continue;
            }
            yield return t;
            foreach (var p in Properties(t))
            {
                var pt = p.PropertyType;
                if (pt.IsClass && pt != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(pt))
                {
                    queue.Enqueue(pt);
                }
                else if (pt.IsGenericType && typeof(IEnumerable).IsAssignableFrom(pt) && pt.GetGenericArguments() is [{ IsClass: true } item]
                         && item != typeof(string))
                {
                    queue.Enqueue(item); // a list of records (curriculum stages): its keys are known too
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type)
        => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetCustomAttribute<YamlIgnoreAttribute>() is null);

    private static string Key(string propertyName) => UnderscoredNamingConvention.Instance.Apply(propertyName);
}
