using MiniSpark.Input;

namespace MiniSpark.Formats.Csv;

/// <summary>Plans CSV splits: byte ranges sized like <see cref="SparkContext.TextFile"/>'s, each moved to start at a
/// record boundary found by <see cref="CsvRecordBoundaries"/>, so no record (however many line breaks its quoted
/// fields hold) spans two splits.</summary>
/// <remarks>Each split is exact: it holds the records starting in <c>[Start, End)</c> and nothing else. Files with one
/// planned range are not scanned; gzip files are read whole.</remarks>
internal static class CsvSplits
{
    public static IReadOnlyList<FileSplit> Plan(IReadOnlyList<FileInfo> files, int minPartitions, char delimiter,
        long maxSplitBytes = FileSplits.DefaultMaxSplitBytes)
    {
        IReadOnlyList<FileSplit> ranges = FileSplits.Plan(files, minPartitions, maxSplitBytes);
        var splits = new List<FileSplit>(ranges.Count);
        for (int i = 0; i < ranges.Count;)
        {
            string path = ranges[i].Path;
            int end = i + 1;
            while (end < ranges.Count && ranges[end].Path == path && ranges[end].Start > 0) end++;
            if (end - i == 1)
            {
                splits.Add(ranges[i]);
            }
            else
            {
                long length = ranges[end - 1].End;
                long[] targets = [.. Enumerable.Range(i + 1, end - i - 1).Select(r => ranges[r].Start)];
                long previous = 0;
                foreach (long start in CsvRecordBoundaries.Find(path, targets, (byte)delimiter))
                {
                    if (start >= length) break;
                    splits.Add(new FileSplit(path, previous, start - previous));
                    previous = start;
                }
                splits.Add(new FileSplit(path, previous, length - previous));
            }
            i = end;
        }
        return splits;
    }
}
