using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The IaC renderings of a plan and the files they are written to.</summary>
    [Flags]
    public enum IacFormat
    {
        None = 0,
        Arm = 1,
        Bicep = 2,
        Terraform = 4,
        PowerShell = 8,
        All = Arm | Bicep | Terraform | PowerShell,
    }
}
