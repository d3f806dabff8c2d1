using System.Text;

namespace MiniSpark.Tests.Support;

/// <summary>Just enough CSV for the corpus's *_expect.csv files: quoted fields, and an empty unquoted field is null.</summary>
internal static class CsvFile
{
    public static List<string?[]> Read(string path)
    {
        var rows = new List<string?[]>();
        foreach (string line in File.ReadAllLines(path))
        {
            if (line.Length == 0) continue;
            var fields = new List<string?>();
            int i = 0;
            while (i <= line.Length)
            {
                if (i < line.Length && line[i] == '"')
                {
                    var field = new StringBuilder();
                    i++;
                    while (i < line.Length)
                    {
                        if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; }
                        else if (line[i] == '"') { i++; break; }
                        else field.Append(line[i++]);
                    }
                    fields.Add(field.ToString());
                    i++; // the comma
                }
                else
                {
                    int comma = line.IndexOf(',', i);
                    int end = comma < 0 ? line.Length : comma;
                    fields.Add(end == i ? null : line[i..end]);
                    i = end + 1;
                }
            }
            rows.Add([.. fields]);
        }
        return rows;
    }
}
