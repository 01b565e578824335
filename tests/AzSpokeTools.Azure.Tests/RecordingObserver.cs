using System.Collections.Concurrent;
using AzSpokeTools.Azure.Export;

namespace AzSpokeTools.Azure.Tests;

/// <summary>Keeps everything an export reports.</summary>
public sealed class RecordingObserver : IExportObserver
{
    public ConcurrentQueue<string> Warnings { get; } = new();
    public ConcurrentQueue<(string Activity, int Pages, int Resources)> ProgressReports { get; } = new();
    public ConcurrentQueue<string> VerboseLines { get; } = new();
    public Action<string, int, int>? OnProgress { get; set; }

    public void Warning(string message) => Warnings.Enqueue(message);

    public void Progress(string activity, int pages, int resources)
    {
        ProgressReports.Enqueue((activity, pages, resources));
        OnProgress?.Invoke(activity, pages, resources);
    }

    public void Verbose(string message) => VerboseLines.Enqueue(message);

    public string AllText => string.Join("\n", Warnings.Concat(VerboseLines).Concat(ProgressReports.Select(p => $"{p.Activity} {p.Pages} {p.Resources}")));
}
