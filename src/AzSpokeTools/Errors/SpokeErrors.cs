using System;
using System.IO;
using System.Management.Automation;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Samples;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Engine;

namespace AzSpokeTools.Errors
{
    /// <summary>
    /// Turns the engine's input and load failures into ErrorRecords with a stable PascalCase ErrorId, a
    /// specific category and the object that failed as the target. Scripts match on the ErrorId
    /// (<c>$_.FullyQualifiedErrorId -like 'SubnetNotFound,*'</c>), so the ids never change once shipped.
    /// </summary>
    public static class SpokeErrors
    {
        public const string SnapshotNotFound = "SnapshotNotFound";
        public const string SampleNotFound = "SampleNotFound";
        public const string SnapshotInvalid = "SnapshotInvalid";
        public const string SnapshotAccessDenied = "SnapshotAccessDenied";
        public const string SnapshotReadFailed = "SnapshotReadFailed";
        public const string AzureAuthenticationFailed = "AzureAuthenticationFailed";
        public const string AzureAccessDenied = "AzureAccessDenied";
        public const string AzureRequestFailed = "AzureRequestFailed";
        public const string ExportCancelled = "ExportCancelled";
        public const string OutputAccessDenied = "OutputAccessDenied";
        public const string OutputWriteFailed = "OutputWriteFailed";
        /// <summary>A failure the module did not foresee (a bug): reported, not left to surface as an unhandled .NET exception.</summary>
        public const string InternalError = "InternalError";

        /// <summary>
        /// The ErrorRecord for a failed live export. ErrorIds: AzureAuthenticationFailed (no token, or ARM refused it),
        /// AzureAccessDenied, AzureRequestFailed (still failing after retries, connection refused or unreachable, timeouts,
        /// malformed responses), ExportCancelled, Invalid{Parameter} for a bad -SubscriptionId, -ManagementGroupId, -Environment,
        /// -ArmEndpoint, -AccessToken, -IncludeEffectiveRoutes or -OutputPath, OutputAccessDenied, OutputWriteFailed; anything
        /// else as <see cref="From"/>. Null only for PowerShell's own flow control (a stopped pipeline), which must propagate.
        /// </summary>
        /// <param name="exception">The failure.</param>
        /// <param name="target">The output path, or what was being read.</param>
        public static ErrorRecord? FromLive(Exception exception, object? target)
        {
            exception = Unwrap(exception);
            switch (exception)
            {
                case AzSpokeTools.Azure.Export.AzureExportException azure when azure.Status == 401:
                    return Record(exception, AzureAuthenticationFailed, ErrorCategory.AuthenticationError, target,
                        "Sign in with Connect-AzAccount, give -AccessToken, or run where a managed identity or Azure CLI login is available.");
                case AzSpokeTools.Azure.Export.AzureExportException azure when azure.Status == 403:
                    return Record(exception, AzureAccessDenied, ErrorCategory.PermissionDenied, target,
                        "Grant the identity Reader on the subscriptions or management group to export.");
                case AzSpokeTools.Azure.Export.AzureExportException azure:
                    return Record(exception, AzureRequestFailed,
                        azure.Status == 0 ? ErrorCategory.ConnectionError : azure.Status == 429 || azure.Status >= 500 ? ErrorCategory.ResourceUnavailable : ErrorCategory.ProtocolError,
                        target, null);
                case OperationCanceledException:
                    return Record(new OperationCanceledException("The export was cancelled; no snapshot was written.", exception), ExportCancelled, ErrorCategory.OperationStopped, target, null);
                case EngineInputException input:
                    return Record(exception, "Invalid" + PascalCase(input.Parameter), ErrorCategory.InvalidArgument, target, null);
                case ArgumentException argument:
                    return Record(exception, "Invalid" + AzSpokeTools.Live.LiveScope.ParameterOf(argument.ParamName), ErrorCategory.InvalidArgument, target, null);
                case UnauthorizedAccessException:
                    return Record(exception, OutputAccessDenied, ErrorCategory.PermissionDenied, target, null);
                case System.Net.Http.HttpRequestException:
                case System.Net.Sockets.SocketException:
                    return Record(exception, AzureRequestFailed, ErrorCategory.ConnectionError, target, null);
                case IOException:
                    return Record(exception, OutputWriteFailed, ErrorCategory.WriteError, target, null);
                default:
                    return From(exception, target);
            }
        }

        /// <summary>
        /// The ErrorRecord for live data read from Azure that cannot be loaded (a response the loader refuses): SnapshotInvalid
        /// (InvalidData) with what was read as the target; anything else as <see cref="From"/>.
        /// </summary>
        public static ErrorRecord? FromLiveData(Exception exception, object? target) =>
            Unwrap(exception) is SnapshotLoadException
                ? Record(Unwrap(exception), SnapshotInvalid, ErrorCategory.InvalidData, target, null)
                : From(exception, target);

        /// <summary>
        /// The ErrorRecord for <paramref name="exception"/>: input and load failures by kind (…NotFound, Ambiguous…Name,
        /// Invalid{Parameter}, SnapshotInvalid, SnapshotNotFound, SampleNotFound, SnapshotAccessDenied, SnapshotReadFailed), an
        /// AggregateException as its cause, and anything unforeseen as <see cref="InternalError"/> (category InvalidOperation).
        /// Null only for PowerShell's own flow control (a stopped pipeline, -ErrorAction Stop downstream), which must propagate.
        /// </summary>
        /// <param name="exception">The failure.</param>
        /// <param name="target">What the user gave that failed: a snapshot path, a subnet, a NIC, a resource id.</param>
        public static ErrorRecord? From(Exception exception, object? target)
        {
            exception = Unwrap(exception);
            if (IsPowerShellFlowControl(exception)) return null;
            // Requests report name resolution as EngineInputException wrapping the model's own exception.
            var cause = exception is EngineInputException && exception.InnerException is ResourceNotFoundException or AmbiguousNameException
                ? exception.InnerException
                : exception;
            switch (cause)
            {
                case ResourceNotFoundException notFound:
                    return Record(exception, PascalCase(notFound.Kind) + "NotFound", ErrorCategory.ObjectNotFound, target, null);
                case AmbiguousNameException ambiguous:
                    return Record(exception, "Ambiguous" + PascalCase(ambiguous.Kind) + "Name", ErrorCategory.InvalidArgument, target,
                        "Give one of these resource ids instead: " + string.Join(", ", ambiguous.Candidates.Select(c => c.Value)));
                case EngineInputException input:
                    return Record(exception, "Invalid" + PascalCase(input.Parameter), ErrorCategory.InvalidArgument, target, null);
                case SnapshotLoadException:
                    return ForSnapshot(exception, target as string, target);
                case SessionStateException:
                    return Record(exception, SnapshotNotFound, ErrorCategory.ObjectNotFound, target, null);
                case UnauthorizedAccessException:
                    return Record(exception, SnapshotAccessDenied, ErrorCategory.PermissionDenied, target, null);
                case IOException:
                    return Record(exception, SnapshotReadFailed, ErrorCategory.ReadError, target, null);
                case AzSpokeTools.Azure.Export.AzureExportException:
                    return FromLive(exception, target);
                default:
                    return Record(exception, InternalError, ErrorCategory.InvalidOperation, target,
                        "This is a bug in AzSpokeTools; report it with the command and, if you can, the snapshot ($Error[0].Exception has the details).");
            }
        }

        /// <summary>An AggregateException (or a TargetInvocationException) stands for its cause: the last inner one.</summary>
        internal static Exception Unwrap(Exception exception)
        {
            while (true)
            {
                if (exception is AggregateException aggregate && aggregate.Flatten().InnerExceptions is { Count: > 0 } inner)
                    exception = inner[inner.Count - 1];
                else if (exception is System.Reflection.TargetInvocationException { InnerException: Exception cause })
                    exception = cause;
                else return exception;
            }
        }

        /// <summary>PowerShell's own exceptions (pipeline stopped, downstream terminating errors): not ours to report.</summary>
        private static bool IsPowerShellFlowControl(Exception exception) =>
            exception is RuntimeException || exception is FlowControlException || exception is HaltCommandException;

        private static ErrorRecord ForSnapshot(Exception exception, string? snapshot, object? target)
        {
            if (snapshot != null && SampleCatalog.IsSampleReference(snapshot, out var name) &&
                !SampleCatalog.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                return Record(exception, SampleNotFound, ErrorCategory.ObjectNotFound, target,
                    "Use one of the bundled samples: " + string.Join(", ", SampleCatalog.Names));
            if (snapshot != null && !SampleCatalog.IsSampleReference(snapshot, out _) && !File.Exists(snapshot) && !Directory.Exists(snapshot))
                return Record(exception, SnapshotNotFound, ErrorCategory.ObjectNotFound, target, null);
            return Record(exception, SnapshotInvalid, ErrorCategory.InvalidData, target, null);
        }

        private static ErrorRecord Record(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction)
        {
            var record = new ErrorRecord(exception, errorId, category, target);
            // What the message quotes from a snapshot (names, ids) is shown escaped: no control or bidi character reaches the host raw.
            var message = AzSpokeTools.Engine.Reports.SafeText.EscapeKeepingLines(exception.Message);
            if (recommendedAction != null || message != exception.Message) record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
            return record;
        }

        /// <summary>"network interface" -> "NetworkInterface", "Subnet" -> "Subnet".</summary>
        internal static string PascalCase(string words)
        {
            var parts = words.Split(new[] { ' ', '-', '_' }, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < parts.Length; i++) parts[i] = char.ToUpperInvariant(parts[i][0]) + parts[i].Substring(1);
            return string.Concat(parts);
        }
    }
}
