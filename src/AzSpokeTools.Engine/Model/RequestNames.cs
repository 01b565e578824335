using System;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>
    /// Resolves a request parameter's text to a resource through <see cref="Topology"/>'s name resolution and
    /// reports failures as <see cref="EngineInputException"/> naming the parameter.
    /// </summary>
    internal static class RequestNames
    {
        public static VirtualNetwork VirtualNetwork(Topology topology, string text, string parameter) =>
            Resolve(() => topology.ResolveVirtualNetwork(text), parameter);

        public static Subnet Subnet(Topology topology, string text, string parameter) =>
            Resolve(() => topology.ResolveSubnet(text), parameter);

        public static NetworkInterface NetworkInterface(Topology topology, string text, string parameter) =>
            Resolve(() => topology.ResolveNetworkInterface(text), parameter);

        private static T Resolve<T>(Func<T> resolve, string parameter)
        {
            try { return resolve(); }
            catch (AmbiguousNameException ex) { throw new EngineInputException(parameter, ex.Message, ex); }
            catch (ResourceNotFoundException ex) { throw new EngineInputException(parameter, ex.Message, ex); }
            catch (ArgumentException ex) { throw new EngineInputException(parameter, ex.Message, ex); }
        }
    }
}
