using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AzSpokeTools.Live
{
    /// <summary>
    /// Runs asynchronous work on worker threads while the cmdlet's pipeline thread executes whatever the
    /// work posts (warnings, progress, verbose lines, Az context token requests). PowerShell accepts Write*,
    /// progress, ShouldProcess and nested commands only on the pipeline thread, so worker callbacks never
    /// call the cmdlet directly: they queue an action here and the pipeline thread drains the queue until
    /// the work completes.
    /// </summary>
    internal sealed class PipelineThreadPump
    {
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();
        private readonly int _pipelineThreadId = Environment.CurrentManagedThreadId;

        /// <summary>
        /// Starts <paramref name="work"/> on the thread pool and drains posted actions on this (the pipeline)
        /// thread until it completes. When a posted action throws (e.g. PipelineStoppedException while the
        /// pipeline stops), <paramref name="cancel"/> is cancelled, the rest of the queue is discarded, and
        /// that exception is rethrown once the work has finished unwinding.
        /// </summary>
        public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationTokenSource cancel)
        {
            EnsurePipelineThread();
            var task = Task.Run(() => work(cancel.Token));
            task.ContinueWith(_ => _queue.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            Exception? failed = null;
            foreach (var action in _queue.GetConsumingEnumerable())
            {
                if (failed != null) continue;
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failed = e;
                    cancel.Cancel();
                }
            }
            if (failed != null)
            {
                try { task.GetAwaiter().GetResult(); } catch (Exception) { /* the pipeline's own failure wins */ }
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed).Throw();
            }
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Queues <paramref name="action"/> for the pipeline thread (dropped once the work has finished).</summary>
        public void Post(Action action)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThreadId)
            {
                action();
                return;
            }
            try
            {
                _queue.Add(action);
            }
            catch (InvalidOperationException)
            {
                // Completed: nothing drains the queue any more.
            }
        }

        /// <summary>Runs <paramref name="function"/> on the pipeline thread and waits for its result (from a worker thread).</summary>
        public TResult Invoke<TResult>(Func<TResult> function, CancellationToken cancellationToken)
        {
            if (Environment.CurrentManagedThreadId == _pipelineThreadId) return function();
            var completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(() =>
            {
                try
                {
                    completion.TrySetResult(function());
                }
                catch (Exception e)
                {
                    completion.TrySetException(e);
                }
            });
            using (cancellationToken.Register(() => completion.TrySetCanceled()))
                return completion.Task.GetAwaiter().GetResult();
        }

        private void EnsurePipelineThread()
        {
            if (Environment.CurrentManagedThreadId != _pipelineThreadId)
                throw new InvalidOperationException("Run must be called on the pipeline thread that created the pump.");
        }
    }
}
