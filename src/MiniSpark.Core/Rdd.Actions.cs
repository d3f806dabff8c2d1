using System.Runtime.CompilerServices;
using MiniSpark.Internal;

namespace MiniSpark;

// Each action is written once as a core method with a `sync` switch: the blocking form runs it with sync=true,
// where nothing awaits, so a blocked caller never needs a thread-pool thread to finish its action.
public abstract partial class Rdd<T>
{
    private async ValueTask<U[]> RunAsync<U>(Func<TaskContext, IEnumerable<T>, U> func, IReadOnlyList<int>? partitions,
        string callSite, bool sync, CancellationToken cancellationToken)
    {
        Task<U[]> job = Context.RunJobAsync(this, func, partitions, callSite, cancellationToken);
        U[] results = sync ? job.GetAwaiter().GetResult() : await job.ConfigureAwait(false);
        await CheckpointMarkedAsync(sync, cancellationToken).ConfigureAwait(false);
        return results;
    }

    /// <summary>Every record, in partition order.</summary>
    public T[] Collect() => CollectCore(true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Collect"/>.</summary>
    public Task<T[]> CollectAsync(CancellationToken cancellationToken = default) => CollectCore(false, cancellationToken).AsTask();

    private async ValueTask<T[]> CollectCore(bool sync, CancellationToken cancellationToken)
    {
        T[][] parts = await RunAsync(static (_, records) => records.ToArray(), null, nameof(Collect), sync, cancellationToken)
            .ConfigureAwait(false);
        return Concat(parts);
    }

    private static T[] Concat(T[][] parts)
    {
        long total = 0;
        foreach (T[] part in parts) total += part.Length;
        if (total > Array.MaxLength)
            throw new InvalidOperationException($"The collected result has {total} records, more than one array can hold.");
        var all = new T[total];
        int offset = 0;
        foreach (T[] part in parts)
        {
            part.CopyTo(all, offset);
            offset += part.Length;
        }
        return all;
    }

    /// <summary>The number of records.</summary>
    public long Count() => CountCore(true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Count"/>.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken = default) => CountCore(false, cancellationToken).AsTask();

    private async ValueTask<long> CountCore(bool sync, CancellationToken cancellationToken)
    {
        long[] counts = await RunAsync(static (_, records) => CountRecords(records), null, nameof(Count), sync, cancellationToken)
            .ConfigureAwait(false);
        return counts.Sum();
    }

    private static long CountRecords(IEnumerable<T> records)
    {
        if (records.TryGetNonEnumeratedCount(out int known)) return known;
        long count = 0;
        using IEnumerator<T> enumerator = records.GetEnumerator();
        while (enumerator.MoveNext()) count++;
        return count;
    }

    /// <summary>The first <paramref name="num"/> records (fewer if the dataset is smaller), in partition order.</summary>
    /// <remarks>Like Spark, scans one partition first, then a growing number of partitions (up to four times the
    /// partitions scanned so far) estimated from what was found, so a small take reads little.</remarks>
    public T[] Take(int num) => TakeCore(num, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Take"/>.</summary>
    public Task<T[]> TakeAsync(int num, CancellationToken cancellationToken = default) =>
        TakeCore(num, false, cancellationToken).AsTask();

    private async ValueTask<T[]> TakeCore(int num, bool sync, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        var buffer = new List<T>(Math.Min(num, 1024));
        int total = NumPartitions;
        int scanned = 0;
        const int scaleUpFactor = 4;
        while (buffer.Count < num && scanned < total)
        {
            long toTry = 1;
            int left = num - buffer.Count;
            if (scanned > 0)
            {
                // Nothing found yet: grow fast. Otherwise estimate from the density so far, 50% over.
                toTry = buffer.Count == 0
                    ? (long)scanned * scaleUpFactor
                    : Math.Max(1, Math.Min((long)Math.Ceiling(1.5 * left * scanned / buffer.Count), (long)scanned * scaleUpFactor));
            }
            int end = (int)Math.Min(scanned + toTry, total);
            int[] partitions = [.. Enumerable.Range(scanned, end - scanned)];
            T[][] results = await RunAsync((_, records) => records.Take(left).ToArray(), partitions, nameof(Take), sync,
                cancellationToken).ConfigureAwait(false);
            foreach (T[] part in results)
            {
                for (int i = 0; i < part.Length && buffer.Count < num; i++) buffer.Add(part[i]);
            }
            scanned = end;
        }
        return [.. buffer];
    }

    /// <summary>The first record.</summary>
    /// <exception cref="InvalidOperationException">The dataset is empty.</exception>
    public T First() => FirstOf(Take(1));

    /// <summary>Asynchronous form of <see cref="First"/>.</summary>
    public async Task<T> FirstAsync(CancellationToken cancellationToken = default) =>
        FirstOf(await TakeCore(1, false, cancellationToken).ConfigureAwait(false));

    private static T FirstOf(T[] taken) =>
        taken.Length > 0 ? taken[0] : throw new InvalidOperationException(SR.EmptyCollection(nameof(First)));

    /// <summary>Whether the dataset has no records (reads at most what it needs to find one).</summary>
    public bool IsEmpty() => NumPartitions == 0 || Take(1).Length == 0;

    /// <summary>Asynchronous form of <see cref="IsEmpty"/>.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default) =>
        NumPartitions == 0 || (await TakeCore(1, false, cancellationToken).ConfigureAwait(false)).Length == 0;

    /// <summary>Combines all records with <paramref name="func"/>, which must be associative and commutative.</summary>
    /// <exception cref="InvalidOperationException">The dataset is empty.</exception>
    public T Reduce(Func<T, T, T> func) => ReduceCore(func, nameof(Reduce), true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Reduce"/>.</summary>
    public Task<T> ReduceAsync(Func<T, T, T> func, CancellationToken cancellationToken = default) =>
        ReduceCore(func, nameof(Reduce), false, cancellationToken).AsTask();

    private async ValueTask<T> ReduceCore(Func<T, T, T> func, string callSite, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(func);
        Option<T>[] partials = await RunAsync((_, records) =>
        {
            using IEnumerator<T> e = records.GetEnumerator();
            if (!e.MoveNext()) return Option<T>.None;
            T acc = e.Current;
            while (e.MoveNext()) acc = func(acc, e.Current);
            return Option.Some(acc);
        }, null, callSite, sync, cancellationToken).ConfigureAwait(false);

        Option<T> result = Option<T>.None;
        foreach (Option<T> partial in partials)
        {
            if (!partial.HasValue) continue;
            result = result.HasValue ? Option.Some(func(result.Value, partial.Value)) : partial;
        }
        return result.HasValue ? result.Value : throw new InvalidOperationException(SR.EmptyCollection(callSite));
    }

    /// <summary>Folds each partition starting from <paramref name="zero"/>, then folds the partition results,
    /// again starting from <paramref name="zero"/> (so, as in Spark, the zero is applied once per partition plus once).</summary>
    /// <remarks>Like Spark, every partition gets its own copy of a mutable <paramref name="zero"/> (made with the
    /// record serializer), so <paramref name="op"/> may mutate and return its first argument.</remarks>
    public T Fold(T zero, Func<T, T, T> op) => Fold(ZeroValue.Copies(zero, nameof(Fold)), op);

    /// <summary>Like <see cref="Fold(T, Func{T,T,T})"/>, with a fresh zero from <paramref name="zeroFactory"/> for every partition.</summary>
    public T Fold(Func<T> zeroFactory, Func<T, T, T> op) =>
        AggregateCore(zeroFactory, op, op, nameof(Fold), true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Fold(T, Func{T,T,T})"/>.</summary>
    public Task<T> FoldAsync(T zero, Func<T, T, T> op, CancellationToken cancellationToken = default) =>
        AggregateCore(ZeroValue.Copies(zero, nameof(Fold)), op, op, nameof(Fold), false, cancellationToken).AsTask();

    /// <summary>Aggregates each partition with <paramref name="seqOp"/> from <paramref name="zero"/>, then merges
    /// the partition results with <paramref name="combOp"/>, again starting from <paramref name="zero"/>.</summary>
    /// <remarks>Like Spark, every partition gets its own copy of a mutable <paramref name="zero"/> (made with the
    /// record serializer), so the functions may mutate and return their first argument.</remarks>
    public U Aggregate<U>(U zero, Func<U, T, U> seqOp, Func<U, U, U> combOp) =>
        Aggregate(ZeroValue.Copies(zero, nameof(Aggregate)), seqOp, combOp);

    /// <summary>Like <see cref="Aggregate{U}(U, Func{U,T,U}, Func{U,U,U})"/>, with a fresh zero from
    /// <paramref name="zeroFactory"/> for every partition.</summary>
    public U Aggregate<U>(Func<U> zeroFactory, Func<U, T, U> seqOp, Func<U, U, U> combOp) =>
        AggregateCore(zeroFactory, seqOp, combOp, nameof(Aggregate), true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Aggregate{U}(U, Func{U,T,U}, Func{U,U,U})"/>.</summary>
    public Task<U> AggregateAsync<U>(U zero, Func<U, T, U> seqOp, Func<U, U, U> combOp,
        CancellationToken cancellationToken = default) =>
        AggregateCore(ZeroValue.Copies(zero, nameof(Aggregate)), seqOp, combOp, nameof(Aggregate), false, cancellationToken).AsTask();

    private async ValueTask<U> AggregateCore<U>(Func<U> zeroFactory, Func<U, T, U> seqOp, Func<U, U, U> combOp,
        string callSite, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zeroFactory);
        ArgumentNullException.ThrowIfNull(seqOp);
        ArgumentNullException.ThrowIfNull(combOp);
        U[] partials = await RunAsync((_, records) =>
        {
            U acc = zeroFactory();
            foreach (T record in records) acc = seqOp(acc, record);
            return acc;
        }, null, callSite, sync, cancellationToken).ConfigureAwait(false);
        U result = zeroFactory();
        foreach (U partial in partials) result = combOp(result, partial);
        return result;
    }

    /// <summary>Runs <paramref name="action"/> on every record, inside the tasks.</summary>
    public void Foreach(Action<T> action) => ForeachCore(action, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Foreach"/>.</summary>
    public Task ForeachAsync(Action<T> action, CancellationToken cancellationToken = default) =>
        ForeachCore(action, false, cancellationToken).AsTask();

    private async ValueTask ForeachCore(Action<T> action, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await RunAsync((_, records) =>
        {
            foreach (T record in records) action(record);
            return true;
        }, null, nameof(Foreach), sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="action"/> once per partition, inside the tasks, with the partition's records.</summary>
    public void ForeachPartition(Action<IEnumerable<T>> action) => ForeachPartitionCore(action, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="ForeachPartition"/>.</summary>
    public Task ForeachPartitionAsync(Action<IEnumerable<T>> action, CancellationToken cancellationToken = default) =>
        ForeachPartitionCore(action, false, cancellationToken).AsTask();

    private async ValueTask ForeachPartitionCore(Action<IEnumerable<T>> action, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await RunAsync((_, records) =>
        {
            action(records);
            return true;
        }, null, nameof(ForeachPartition), sync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the records to the caller one partition at a time: only one partition is held in memory.</summary>
    /// <remarks>Each partition is computed by its own job when the enumeration reaches it.</remarks>
    public IEnumerable<T> ToLocalIterator()
    {
        for (int p = 0; p < NumPartitions; p++)
        {
            T[][] part = Context.RunJob(this, static (_, records) => records.ToArray(), [p], nameof(ToLocalIterator));
            foreach (T record in part[0]) yield return record;
        }
    }

    /// <summary>Asynchronous form of <see cref="ToLocalIterator"/>.</summary>
    public async IAsyncEnumerable<T> ToLocalIteratorAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (int p = 0; p < NumPartitions; p++)
        {
            T[][] part = await Context.RunJobAsync(this, static (_, records) => records.ToArray(), [p], nameof(ToLocalIterator),
                cancellationToken).ConfigureAwait(false);
            foreach (T record in part[0]) yield return record;
        }
    }
}
