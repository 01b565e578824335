using System.Collections.Generic;

namespace AzSpokeTools.Engine.Security
{
    /// <summary>Collects the checks and notes of a detailed evaluation (a path); the matrix evaluates without one.</summary>
    internal sealed class SecurityTrace
    {
        public List<SecurityCheck> Checks { get; } = new List<SecurityCheck>();
        public List<string> Notes { get; } = new List<string>();

        public void Note(string note)
        {
            if (!Notes.Contains(note)) Notes.Add(note);
        }
    }
}
