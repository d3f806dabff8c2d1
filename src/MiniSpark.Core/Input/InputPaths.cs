using System.Text;
using System.Text.RegularExpressions;

namespace MiniSpark.Input;

/// <summary>Turns a user's input path into the files a reader reads, the way Spark (Hadoop) does.</summary>
/// <remarks>
/// <para>A path is a comma-separated list of items; each item is a file, a directory (its files, not recursive,
/// skipping names that start with <c>_</c> or <c>.</c> such as <c>_SUCCESS</c> and <c>.crc</c> files) or a glob
/// with <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, <c>[!a]</c>/<c>[^a]</c> and <c>{a,b}</c> in any path
/// segment. A directory matched by a glob contributes its files, as in Hadoop's <c>FileInputFormat</c>.</para>
/// <para>Order is deterministic: a directory's files by ordinal name, a glob's matches by ordinal full path,
/// comma items in the order given; a file named twice is returned once, at its first place.</para>
/// </remarks>
internal static class InputPaths
{
    private static readonly char[] Separators = Path.DirectorySeparatorChar == Path.AltDirectorySeparatorChar
        ? [Path.DirectorySeparatorChar]
        : [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    // Names compare the way the usual file system of the platform does.
    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
    private static readonly StringComparer PathComparer = IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The distinct files <paramref name="path"/> names, in reading order.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or blank, or a glob is malformed.</exception>
    /// <exception cref="FileNotFoundException">An item does not exist or matches no file.</exception>
    public static IReadOnlyList<FileInfo> Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        List<string> items = SplitList(path);
        if (items.Count == 0) throw new ArgumentException(InputMessages.NoPathInList(path), nameof(path));

        var files = new List<FileInfo>();
        var seen = new HashSet<string>(PathComparer);
        foreach (string item in items)
        {
            foreach (FileInfo file in ResolveItem(item))
            {
                if (seen.Add(file.FullName)) files.Add(file);
            }
        }
        return files;
    }

    // Commas inside {a,b} belong to the glob, not the list (Hadoop's getPathStrings does the same).
    private static List<string> SplitList(string path)
    {
        var items = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            char c = i < path.Length ? path[i] : ',';
            if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (c == ',' && (depth == 0 || i == path.Length))
            {
                string item = path[start..i].Trim();
                if (item.Length > 0) items.Add(item);
                start = i + 1;
            }
        }
        return items;
    }

    private static List<FileInfo> ResolveItem(string item)
    {
        string full = Path.GetFullPath(item);
        // An existing name wins over its glob reading, so files like "a[1].txt" stay readable.
        if (File.Exists(full)) return [new FileInfo(full)];
        if (Directory.Exists(full))
        {
            List<FileInfo> listed = ListFiles(full);
            return listed.Count > 0
                ? listed
                : throw new FileNotFoundException(InputMessages.DirectoryHasNoFiles(item, full), full);
        }
        if (!IsGlob(item)) throw new FileNotFoundException(InputMessages.PathDoesNotExist(item, full), full);

        var matches = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string pattern in ExpandBraces(item, item))
        {
            matches.UnionWith(MatchGlob(Path.GetFullPath(pattern)));
        }
        var files = new List<FileInfo>();
        foreach (string match in matches)
        {
            if (Directory.Exists(match)) files.AddRange(ListFiles(match));
            else files.Add(new FileInfo(match));
        }
        return files.Count > 0
            ? files
            : throw new FileNotFoundException(InputMessages.PatternMatchesNoFiles(item, full), full);
    }

    private static List<FileInfo> ListFiles(string directory)
    {
        var files = new List<FileInfo>();
        foreach (string file in Directory.EnumerateFiles(directory))
        {
            if (!IsHidden(Path.GetFileName(file))) files.Add(new FileInfo(file));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return files;
    }

    // Hadoop's hiddenFileFilter: output directories hold _SUCCESS, _temporary and .crc files next to the data.
    private static bool IsHidden(string name) => name.Length > 0 && (name[0] == '_' || name[0] == '.');

    private static bool IsGlob(string item) => item.AsSpan().IndexOfAny("*?[{") >= 0;

    // Braces expand first, over the whole item, so a group may hold separators ("{a/x,b}") and nest.
    private static IEnumerable<string> ExpandBraces(string pattern, string original)
    {
        int open = pattern.IndexOf('{');
        if (open < 0)
        {
            yield return pattern;
            yield break;
        }
        var alternatives = new List<string>();
        int depth = 0, altStart = open + 1, close = -1;
        for (int i = open; i < pattern.Length && close < 0; i++)
        {
            switch (pattern[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    if (--depth == 0)
                    {
                        alternatives.Add(pattern[altStart..i]);
                        close = i;
                    }
                    break;
                case ',' when depth == 1:
                    alternatives.Add(pattern[altStart..i]);
                    altStart = i + 1;
                    break;
            }
        }
        if (close < 0) throw new ArgumentException(InputMessages.UnclosedBrace(original), "path");

        string prefix = pattern[..open], suffix = pattern[(close + 1)..];
        foreach (string alternative in alternatives)
        {
            // The prefix holds no brace, so re-expanding covers nested groups and groups in the suffix.
            foreach (string expanded in ExpandBraces(prefix + alternative + suffix, original)) yield return expanded;
        }
    }

    // Walks the pattern one segment at a time, like Hadoop's Globber: literal segments are probed, wildcard
    // segments list their parent. Only the last segment may match files.
    private static List<string> MatchGlob(string fullPattern)
    {
        string root = Path.GetPathRoot(fullPattern) ?? "";
        string[] segments = fullPattern[root.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        List<string> current = [root];
        for (int i = 0; i < segments.Length && current.Count > 0; i++)
        {
            string segment = segments[i];
            bool last = i == segments.Length - 1;
            var next = new List<string>();
            if (segment.AsSpan().IndexOfAny("*?[") < 0)
            {
                foreach (string parent in current)
                {
                    string candidate = Path.Combine(parent, segment);
                    if (Directory.Exists(candidate) || (last && File.Exists(candidate))) next.Add(candidate);
                }
            }
            else
            {
                Regex regex = SegmentRegex(segment);
                // Like a shell: wildcards skip hidden names unless the segment itself starts that way ("_*").
                bool matchHidden = IsHidden(segment);
                foreach (string parent in current)
                {
                    IEnumerable<string> entries = last
                        ? Directory.EnumerateFileSystemEntries(parent)
                        : Directory.EnumerateDirectories(parent);
                    foreach (string entry in entries)
                    {
                        string name = Path.GetFileName(entry);
                        if ((matchHidden || !IsHidden(name)) && regex.IsMatch(name)) next.Add(entry);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static Regex SegmentRegex(string segment)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            int close;
            if (c == '*') regex.Append(".*");
            else if (c == '?') regex.Append('.');
            else if (c == '[' && (close = ClassEnd(segment, i)) > 0)
            {
                regex.Append('[');
                int j = i + 1;
                if (segment[j] is '!' or '^')
                {
                    regex.Append('^');
                    j++;
                }
                for (; j < close; j++)
                {
                    // Only ranges keep their meaning inside a class; everything else is literal.
                    if (segment[j] == '-') regex.Append('-');
                    else regex.Append(Regex.Escape(segment[j].ToString()).Replace("]", @"\]"));
                }
                regex.Append(']');
                i = close;
            }
            else regex.Append(Regex.Escape(c.ToString()));
        }
        regex.Append('$');
        RegexOptions options = RegexOptions.Singleline | RegexOptions.CultureInvariant;
        return new Regex(regex.ToString(), IgnoreCase ? options | RegexOptions.IgnoreCase : options);
    }

    // The ']' closing the class opened at 'open', or -1 when none (the '[' is then literal).
    // A ']' right after "[" or "[!" is a member, as in POSIX globs.
    private static int ClassEnd(string segment, int open)
    {
        int j = open + 1;
        if (j < segment.Length && segment[j] is '!' or '^') j++;
        if (j < segment.Length && segment[j] == ']') j++;
        return segment.IndexOf(']', j);
    }
}
