using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AzSpokeTools.Engine.Paths
{
    /// <summary>
    /// Runs a producer on a background thread while the consumer writes what it produced, in the same order, in chunks handed over
    /// through a small bounded queue: on two or more cores the matrix computes the next rows while the writer formats and writes
    /// the last ones. Memory stays flat (at most <c>Capacity</c> chunks in flight); a producer's exception is rethrown to the
    /// consumer; a consumer that stops early stops the producer.
    /// </summary>
    internal static class ReadAheadEnumerable
    {
        private const int ChunkSize = 8192;
        private const int Capacity = 4;

        public static IEnumerable<T> Of<T>(IEnumerable<T> producer)
        {
            using var queue = new BlockingCollection<T[]>(Capacity);
            using var stop = new CancellationTokenSource();
            Exception? failure = null;
            var worker = Task.Factory.StartNew(() =>
            {
                try
                {
                    var chunk = new List<T>(ChunkSize);
                    foreach (var item in producer)
                    {
                        chunk.Add(item);
                        if (chunk.Count == ChunkSize)
                        {
                            queue.Add(chunk.ToArray(), stop.Token);
                            chunk.Clear();
                        }
                    }
                    if (chunk.Count > 0) queue.Add(chunk.ToArray(), stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
                catch (Exception e) { failure = e; }
                finally { queue.CompleteAdding(); }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                foreach (var chunk in queue.GetConsumingEnumerable())
                    foreach (var item in chunk) yield return item;
                worker.Wait();
                if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
            finally
            {
                stop.Cancel();
                try { worker.Wait(); } catch (AggregateException) { }
            }
        }
    }
}
