using System.Linq;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Output;

namespace AzSpokeTools.Migration
{
    /// <summary>Convert-HairpinToMesh -Apply: what happened to each planned ARM request and each committed region.</summary>
    public sealed class SpokeMeshApplyResult
    {
        internal SpokeMeshApplyResult(MeshApplyResult r)
        {
            Succeeded = r.Succeeded;
            WhatIfOnly = r.WhatIfOnly;
            Refusal = r.Refusal;
            Failure = r.Failure;
            Requests = Delimited.List(r.Requests.Select(q => new SpokeAppliedRequest(q)));
            Regions = Delimited.List(r.Regions.Select(g => new SpokeRegionDeployment(g)));
            RollbackCommands = Delimited.Texts(r.RollbackCommands);
        }

        /// <summary>Every write accepted and every committed region Deployed.</summary>
        public bool Succeeded { get; }
        /// <summary>True when ShouldProcess declined every write (-WhatIf).</summary>
        public bool WhatIfOnly { get; }
        /// <summary>Why nothing was written, or null.</summary>
        public string? Refusal { get; }
        /// <summary>What failed and the state it left, or null.</summary>
        public string? Failure { get; }
        /// <summary>Each planned request, in order.</summary>
        public DelimitedList<SpokeAppliedRequest> Requests { get; }
        /// <summary>Each committed region's deployment status.</summary>
        public DelimitedList<SpokeRegionDeployment> Regions { get; }
        /// <summary>Commands that undo what was committed.</summary>
        public DelimitedList<string> RollbackCommands { get; }

        /// <inheritdoc />
        public override string ToString() => Refusal ?? Failure ?? (WhatIfOnly ? "what-if: nothing sent" : Succeeded ? "applied" : "not complete");
    }

    /// <summary>One request of the apply run.</summary>
    public sealed class SpokeAppliedRequest
    {
        internal SpokeAppliedRequest(AppliedRequest a)
        {
            Step = a.Request.Step;
            Kind = a.Request.Kind.ToString();
            Method = a.Request.Method;
            Path = a.Request.PathAndQuery;
            Target = a.Request.Target;
            Action = a.Request.Action;
            Region = a.Request.Region;
            IsWrite = a.Request.IsWrite;
            State = a.State.ToString();
            Status = a.Status;
            Detail = a.Detail;
        }

        /// <summary>Order of the request.</summary>
        public int Step { get; }
        /// <summary>What the request does.</summary>
        public string Kind { get; }
        /// <summary>HTTP method.</summary>
        public string Method { get; }
        /// <summary>ARM path with api-version.</summary>
        public string Path { get; }
        /// <summary>The resource written or read.</summary>
        public string Target { get; }
        /// <summary>The ShouldProcess action text.</summary>
        public string Action { get; }
        /// <summary>The region of a commit, or null.</summary>
        public string? Region { get; }
        /// <summary>True for a write.</summary>
        public bool IsWrite { get; }
        /// <summary>Done, WhatIf, Failed or NotReached.</summary>
        public string State { get; }
        /// <summary>HTTP status; 0 when not sent.</summary>
        public int Status { get; }
        /// <summary>Error detail, or null.</summary>
        public string? Detail { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Step} {Method} {Target}: {State}";
    }

    /// <summary>The deployment status of one committed region.</summary>
    public sealed class SpokeRegionDeployment
    {
        internal SpokeRegionDeployment(RegionDeployment d)
        {
            Region = d.Region;
            Status = d.Status;
            Error = d.Error;
            PreviousConfigurationIds = Delimited.Texts(d.PreviousConfigurationIds);
            CommittedConfigurationIds = Delimited.Texts(d.CommittedConfigurationIds);
            RollbackCommand = d.RollbackCommand;
        }

        /// <summary>The region.</summary>
        public string Region { get; }
        /// <summary>Deployed, Deploying, Failed, NotStarted; null when not read.</summary>
        public string? Status { get; }
        /// <summary>The deployment error, or null.</summary>
        public string? Error { get; }
        /// <summary>The region's configurations before the commit.</summary>
        public DelimitedList<string> PreviousConfigurationIds { get; }
        /// <summary>The configurations committed.</summary>
        public DelimitedList<string> CommittedConfigurationIds { get; }
        /// <summary>Re-commits the previous set.</summary>
        public string RollbackCommand { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Region}: {Status}";
    }
}
