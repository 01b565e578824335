using System;
using System.Collections.Generic;
using System.Threading;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// The matrix on several threads: the sources are cut into small blocks, each thread claims the next block and evaluates it
    /// with its own <see cref="MatrixSourceWorker"/> (own calculator, evaluator and memo: they are not thread-safe), and the
    /// consumer takes the blocks' rows strictly in source order, so the rows are those of one thread in the same order. At most a
    /// few blocks per thread are ahead of the consumer, so memory stays flat however large the matrix.
    /// </summary>
    internal sealed class ParallelMatrixRun
    {
        private const int SourcesPerBlock = 8;
        private const int BlocksAheadPerThread = 4;

        private readonly IReadOnlyList<int> _sources;
        private readonly List<PathMatrixRow>?[] _done;
        private readonly int _blocks, _window;
        private readonly object _gate = new object();
        // Row lists go back here once consumed: a block's rows are large, and allocating them afresh would churn the large-object heap.
        private readonly Stack<List<PathMatrixRow>> _free = new Stack<List<PathMatrixRow>>();
        private int _next, _consumed;
        private bool _stop;
        private Exception? _failure;

        public ParallelMatrixRun(IReadOnlyList<int> sources, int threads)
        {
            _sources = sources;
            _blocks = (sources.Count + SourcesPerBlock - 1) / SourcesPerBlock;
            _done = new List<PathMatrixRow>?[_blocks];
            _window = Math.Max(2, threads * BlocksAheadPerThread);
        }

        /// <summary>
        /// Runs <paramref name="workers"/> (one thread each) and yields each block's rows in order (none when
        /// <paramref name="keepRows"/> is false, for a summary); <paramref name="onBlock"/> is called on the consumer's thread with
        /// the first source of each block as it is consumed.
        /// </summary>
        public IEnumerable<PathMatrixRow> Rows(IReadOnlyList<MatrixSourceWorker> workers, bool keepRows, Action<int>? onBlock)
        {
            var threads = new List<Thread>();
            foreach (var w in workers)
            {
                var t = new Thread(() => Work(w, keepRows)) { IsBackground = true, Name = "path matrix" };
                threads.Add(t);
                t.Start();
            }
            try
            {
                for (int b = 0; b < _blocks; b++)
                {
                    List<PathMatrixRow> rows;
                    lock (_gate)
                    {
                        while (_done[b] == null && _failure == null) Monitor.Wait(_gate);
                        if (_failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_failure).Throw();
                        rows = _done[b]!;
                        _done[b] = null;
                        _consumed = b + 1;
                        Monitor.PulseAll(_gate);
                    }
                    onBlock?.Invoke(_sources[b * SourcesPerBlock]);
                    foreach (var row in rows) yield return row;
                    rows.Clear();
                    lock (_gate) _free.Push(rows);
                }
            }
            finally
            {
                lock (_gate)
                {
                    _stop = true;
                    Monitor.PulseAll(_gate);
                }
                foreach (var t in threads) t.Join();
            }
        }

        private void Work(MatrixSourceWorker worker, bool keepRows)
        {
            try
            {
                while (true)
                {
                    int b;
                    List<PathMatrixRow> rows;
                    lock (_gate)
                    {
                        while (!_stop && _next < _blocks && _next >= _consumed + _window) Monitor.Wait(_gate);
                        if (_stop || _next >= _blocks) return;
                        b = _next++;
                        rows = _free.Count > 0 ? _free.Pop() : new List<PathMatrixRow>();
                    }
                    int end = Math.Min(_sources.Count, (b + 1) * SourcesPerBlock);
                    for (int k = b * SourcesPerBlock; k < end; k++) worker.Evaluate(_sources[k], keepRows ? rows : null);
                    lock (_gate)
                    {
                        _done[b] = rows;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= e;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }
}
