using System.CommandLine;
using System.Globalization;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Cli.Commands;

/// <summary>
/// <c>azspoke export --out F</c>: live pull of the estate into a snapshot file. Progress and warnings go
/// to stderr, a JSON summary to stdout. Exit 0 written, 2 bad input, 3 Azure or network failure (or
/// cancelled by Ctrl+C); in both failure cases no file is left.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string>("--out") { Description = "Snapshot file to write.", Required = true };
        var subscriptions = new Option<string[]>("--subscription")
        {
            Description = "Subscription id(s) to read (default: every subscription the identity can list).",
            AllowMultipleArgumentsPerToken = true,
        };
        var managementGroup = new Option<string>("--management-group") { Description = "Read one management group instead of subscriptions." };
        var environment = new Option<string>("--environment") { Description = "AzureCloud (default), AzureUSGovernment or AzureChinaCloud." };
        var armEndpoint = new Option<string>("--arm-endpoint") { Description = "Explicit ARM endpoint URL (https) for another cloud." };
        var accessToken = new Option<string>("--access-token") { Description = "Bearer token for ARM (default: DefaultAzureCredential)." };
        var learnedRoutes = new Option<bool>("--include-learned-routes") { Description = "Also capture getLearnedRoutes of every virtual network gateway and the learned and advertised routes of every Route Server BGP connection." };
        var effectiveRoutes = new Option<string[]>("--include-effective-routes")
        {
            Description = "Network interface resource id(s) whose effective route table is captured.",
            AllowMultipleArgumentsPerToken = true,
        };

        var effectiveSecurity = new Option<string[]>("--include-effective-security-rules")
        {
            Description = "Network interface resource id(s) whose effective security rules (effectiveNetworkSecurityGroups) are captured, for verify --security-rules.",
            AllowMultipleArgumentsPerToken = true,
        };
        var retryBudget = new Option<double?>("--retry-budget") { Description = "Seconds one request keeps retrying connection failures (refused, unreachable), back-off included (default 10)." };
        var command = new Command("export", "Pull the estate's network topology from Azure into a snapshot file.")
        {
            output, subscriptions, managementGroup, environment, armEndpoint, accessToken, learnedRoutes, effectiveRoutes, effectiveSecurity, retryBudget,
        };
        command.SetAction(parse =>
        {
            var connection = LiveConnection.Create(parse.GetValue(environment), parse.GetValue(armEndpoint), parse.GetValue(accessToken));
            var options = connection.Configure(new ExportOptions
            {
                ManagementGroupId = parse.GetValue(managementGroup),
                IncludeLearnedRoutes = parse.GetValue(learnedRoutes),
            });
            if (parse.GetValue(retryBudget) is double seconds)
            {
                if (!(seconds >= 0 && seconds <= 3600)) throw new CliInputException("--retry-budget: give seconds from 0 to 3600.");
                options.ConnectionRetryBudget = TimeSpan.FromSeconds(seconds);
            }
            foreach (var s in parse.GetValue(subscriptions) ?? []) options.SubscriptionIds.Add(s);
            foreach (var n in parse.GetValue(effectiveRoutes) ?? []) options.EffectiveRouteNetworkInterfaceIds.Add(n);
            foreach (var n in parse.GetValue(effectiveSecurity) ?? []) options.EffectiveSecurityNetworkInterfaceIds.Add(n);
            // --verbose (the root's) logs every HTTP attempt (request id, method, URL, status, elapsed).
            return Run(ctx, options, parse.GetValue(output)!, ctx.Verbose);
        });
        return command;
    }

    /// <summary>The library's parameter names (the cmdlet's) mapped to this command's options.</summary>
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SubscriptionId"] = "--subscription",
        ["ManagementGroupId"] = "--management-group",
        ["Environment"] = "--environment",
        ["ArmEndpoint"] = "--arm-endpoint",
        ["AccessToken"] = "--access-token",
        ["EffectiveRouteNetworkInterfaceIds"] = "--include-effective-routes",
        ["EffectiveSecurityNetworkInterfaceIds"] = "--include-effective-security-rules",
        ["OutputPath"] = "--out",
        ["ConnectionRetryBudget"] = "--retry-budget",
    };

    private static int Run(CliContext ctx, ExportOptions options, string outputPath, bool verbose)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // let the export unwind and delete its temporary file
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var observer = new StderrObserver(ctx.Err, verbose);
            var summary = new TopologyExporter(options, observer).ExportAsync(outputPath, cancel.Token).GetAwaiter().GetResult();
            ctx.Out.Write(ExportSummaryJsonWriter.Render(summary.OutputPath, summary.Resources, summary.Results, summary.Complete, summary.DeniedScopes,
                summary.ResourceGraphPages, summary.HttpRequests, (long)summary.Elapsed.TotalMilliseconds));
            return ExitCodes.Success;
        }
        catch (ArgumentException ex)
        {
            var option = ex.ParamName != null && OptionNames.TryGetValue(ex.ParamName, out var name) ? name + ": " : "";
            var message = ex.ParamName != null ? ex.Message.Replace(" (Parameter '" + ex.ParamName + "')", "") : ex.Message;
            throw new CliInputException(option + message);
        }
        catch (AzureExportException ex)
        {
            ctx.Err.WriteLine(SafeText.Escape("error: " + ex.Message));
            return ExitCodes.AzureFailure;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            ctx.Err.WriteLine("error: export cancelled; no snapshot was written.");
            return ExitCodes.AzureFailure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Warnings, progress and (with --verbose) request lines on stderr.</summary>
    private sealed class StderrObserver(TextWriter err, bool verbose) : IExportObserver
    {
        public void Warning(string message) => err.WriteLine(SafeText.Escape("warning: " + message));

        public void Progress(string activity, int pages, int resources)
            => err.WriteLine(string.Format(CultureInfo.InvariantCulture, "export: {0}: {1} pages, {2} resources", activity, pages, resources));

        public void Verbose(string message)
        {
            if (verbose) err.WriteLine(SafeText.Escape("verbose: " + message));
        }
    }
}
