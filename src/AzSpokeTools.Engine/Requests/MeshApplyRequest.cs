using System;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// Convert-HairpinToMesh -Apply / <c>azspoke plan --apply</c>: applies a migration plan to Azure, through waves 1..<see cref="Wave"/>
    /// or, with <see cref="Decommission"/>, its decommission phase. Refused while readiness errors remain (the plan's blockers:
    /// <see cref="ApplyRefusal.NotReady"/>, nothing read or written). <see cref="Preview"/> (PowerShell's -WhatIf) sends nothing at all
    /// and lists every write with its planned body; otherwise the runner reads the AVNM resources, checks ownership (and the soak),
    /// asks <see cref="IEngineHost.ShouldProcess"/> before every write and sends it through the sender <see cref="Connect"/> creates.
    /// The engine does no network I/O: the live layer's sender does.
    /// </summary>
    public sealed class MeshApplyRequest
    {
        /// <summary>The plan to apply (from <see cref="MeshMigrationRequest"/>).</summary>
        public MigrationPlan? Plan { get; set; }
        /// <summary>Apply waves 1..Wave (default 1, the pilot).</summary>
        public int Wave { get; set; } = 1;
        /// <summary>Apply the decommission phase instead of waves.</summary>
        public bool Decommission { get; set; }
        /// <summary>Send nothing, not even a read: ask ShouldProcess for every write with its planned body (what -WhatIf shows).</summary>
        public bool Preview { get; set; }
        /// <summary>
        /// Connects to Azure (the live layer's connection factory); called once, only when something is sent, so a refused run or a
        /// preview never resolves a credential.
        /// </summary>
        public Func<IArmRequestSender>? Connect { get; set; }
        /// <summary>Interval between deployment-status polls (default 10 s).</summary>
        public TimeSpan? PollInterval { get; set; }

        /// <summary>Applies the plan (or refuses it while readiness errors remain), reporting through <paramref name="host"/>.</summary>
        public MeshApplyResult Execute(IEngineHost host)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            var plan = Plan ?? throw new EngineInputException("Plan", "give the migration plan to apply");
            if (plan.Blockers.Count > 0) return MeshApplyResult.NotReady(plan);
            var apply = Decommission ? MeshApplyPlan.ForDecommission(plan) : MeshApplyPlan.Create(plan, Wave);
            MeshApplyResult result;
            if (Preview) result = MeshApplyRunner.Preview(apply, host);
            else
            {
                var connect = Connect ?? throw new InvalidOperationException("MeshApplyRequest.Connect is required to send the requests");
                result = MeshApplyRunner.Run(apply, connect(), host, PollInterval);
            }
            result.Applied = apply;
            return result;
        }
    }
}
