namespace AzSpokeTools.Engine.Model
{
    /// <summary>Whether an effective route is used (Active) or overridden (Invalid), as the API lists it.</summary>
    public enum RouteState
    {
        Active,
        Invalid,
    }
}
