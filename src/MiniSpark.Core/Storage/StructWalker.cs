using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace MiniSpark.Storage;

/// <summary>Enqueues the references held in a struct value of <typeparamref name="T"/>, without boxing it.</summary>
internal static class StructWalker<T>
{
    private static readonly Action<T, SizeTraversal>? s_walk = Build();

    public static void Walk(T value, SizeTraversal traversal) => s_walk?.Invoke(value, traversal);

    private static Action<T, SizeTraversal>? Build()
    {
        if (!RuntimeHelpers.IsReferenceOrContainsReferences<T>()) return null;
        ParameterExpression value = Expression.Parameter(typeof(T), "value");
        ParameterExpression traversal = Expression.Parameter(typeof(SizeTraversal), "traversal");
        List<Expression> calls = TypeLayout.EnqueueReferences(value, typeof(T), traversal);
        if (calls.Count == 0) return null;
        return Expression.Lambda<Action<T, SizeTraversal>>(Expression.Block(calls), value, traversal).Compile();
    }
}
