using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>One request to the host simulator, unMACed as the test built it, and its answer unpacked.</summary>
    internal static class HostExchange
    {
        public static IsoMessage Send(Acquirer host, IsoMessage request)
        {
            byte[] message = TestHost.Seal(host.Profile, request, null);
            byte[] answer = host.Handle(message, 0, message.Length);
            Assert.IsNotNull(answer, "the host answered nothing");
            var a = new IsoMessage();
            Assert.AreEqual(IsoStatus.Ok, host.Profile.Packager.Unpack(answer, 0, answer.Length, a, out _));
            return a;
        }
    }
}
