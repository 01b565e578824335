using System.Text;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Region names: ARM uses "westus", the portal and some tools "West US".</summary>
    internal static class Locations
    {
        public static string Normalize(string? location)
        {
            if (string.IsNullOrWhiteSpace(location)) return "";
            if (IsNormal(location!)) return location!;
            var sb = new StringBuilder(location!.Length);
            foreach (var c in location)
                if (!char.IsWhiteSpace(c)) sb.Append(char.ToLowerInvariant(c));
            return sb.ToString();
        }

        private static bool IsNormal(string location)
        {
            foreach (var c in location)
                if (char.IsWhiteSpace(c) || char.IsUpper(c)) return false;
            return true;
        }
    }
}
