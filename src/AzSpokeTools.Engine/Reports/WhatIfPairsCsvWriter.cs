using System.IO;
using AzSpokeTools.Engine.Migration;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// whatif-pairs.csv: one row per wave and ordered pair the wave can change (the decommission phase's rows carry the wave
    /// "decommission"). Columns: wave, from, to, before, after, beforeTransits, afterTransits (space-separated), beforeSymmetric,
    /// afterSymmetric, losesConnectivity, losesInspection, asymmetricAfter. verify-wave reads it back (<see cref="Header"/>).
    /// </summary>
    public static class WhatIfPairsCsvWriter
    {
        /// <summary>The CSV header line.</summary>
        public const string Header = "wave,from,to,before,after,beforeTransits,afterTransits,beforeSymmetric,afterSymmetric,losesConnectivity,losesInspection,asymmetricAfter";

        /// <summary>The wave column of the decommission phase.</summary>
        public const string DecommissionWave = "decommission";

        /// <summary>Writes whatif-pairs.csv.</summary>
        public static void Write(TextWriter o, MigrationWhatIf whatIf)
        {
            o.Write(Header);
            o.Write('\n');
            foreach (var wave in whatIf.Waves) Rows(o, wave.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture), wave);
            if (whatIf.Decommission != null) Rows(o, DecommissionWave, whatIf.Decommission);
        }

        /// <summary>The whatif-pairs.csv text.</summary>
        public static string Render(MigrationWhatIf whatIf)
        {
            var sw = new StringWriter();
            Write(sw, whatIf);
            return sw.ToString();
        }

        private static void Rows(TextWriter o, string wave, WaveWhatIf w)
        {
            foreach (var p in w.Pairs)
            {
                o.Write(wave); o.Write(',');
                o.Write(p.From.Name); o.Write(',');
                o.Write(p.To.Name); o.Write(',');
                o.Write(p.Before.ToString()); o.Write(',');
                o.Write(p.After.ToString()); o.Write(',');
                o.Write(p.Before.TransitText); o.Write(',');
                o.Write(p.After.TransitText); o.Write(',');
                o.Write(p.BeforeSymmetric ? "true" : "false"); o.Write(',');
                o.Write(p.AfterSymmetric ? "true" : "false"); o.Write(',');
                o.Write(p.LosesConnectivity ? "true" : "false"); o.Write(',');
                o.Write(p.LosesInspection ? "true" : "false"); o.Write(',');
                o.Write(p.AsymmetricAfter ? "true" : "false");
                o.Write('\n');
            }
        }
    }
}
