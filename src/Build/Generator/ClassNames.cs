using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Scheduler.Build;

/// <summary>Class names of generated plans: an item's <c>ClassName</c>, or one made from the graph's file name.</summary>
internal static class ClassNames
{
    /// <summary>
    /// PascalCase of the file name's letter-and-digit runs: <c>tiny_inception.onnx</c> → <c>TinyInception</c>,
    /// <c>golden-004-random-11.json</c> → <c>Golden004Random11</c>; a leading digit gets an underscore
    /// (<c>3layer.json</c> → <c>_3layer</c>), and a name with no letter or digit becomes <c>Graph</c>.
    /// </summary>
    public static string FromFileName(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/').Last());
        var sb = new StringBuilder();
        bool start = true;
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                start = true;
                continue;
            }
            sb.Append(start ? char.ToUpperInvariant(c) : c);
            start = false;
        }
        if (sb.Length == 0)
        {
            return "Graph";
        }
        return char.IsDigit(sb[0]) ? "_" + sb : sb.ToString();
    }

    /// <summary>True when <paramref name="name"/> can name a class without escaping: an identifier, not a keyword.</summary>
    public static bool IsValid(string name)
        => SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;
}
