using System;
using System.Net;
using System.Net.Sockets;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.HostLink;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>Each fault switch of the host over TCP, at probability 1, against a raw socket.</summary>
    [TestClass]
    public sealed class HostFaultsTests
    {
        private static byte[] SignOnFrame()
        {
            var profile = TestHost.UnionPay();
            byte[] message = TestHost.Seal(profile, TestHost.SignOnRequest(profile), null);
            byte[] frame = new byte[message.Length + 64];
            FrameWriter.Write(profile.Framing, message, 0, message.Length, frame, 0, out int n);
            return TestHost.Slice(frame, 0, n);
        }

        /// <summary>Sends a sign-on with one fault switched on; returns every byte the host sent within the wait.</summary>
        private static byte[] Exchange(string fault, out bool closed)
        {
            var faults = new HostFaults(1);
            if (fault != null)
            {
                faults.Set(fault, 1.0);
            }

            using var host = new TcpHost(new Acquirer(TestHost.UnionPay(), SignOnKeys.Tmk, 1), IPAddress.Loopback, 0, faults);
            host.Start();
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, host.Port);
            client.ReceiveTimeout = 400;
            var stream = client.GetStream();
            closed = false;
            try
            {
                byte[] request = SignOnFrame();
                stream.Write(request, 0, request.Length);
            }
            catch (System.IO.IOException)
            {
                closed = true;
            }

            var received = new System.Collections.Generic.List<byte>();
            byte[] buffer = new byte[4096];
            try
            {
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    received.AddRange(new ArraySegment<byte>(buffer, 0, n));
                }

                closed = true;
            }
            catch (System.IO.IOException e) when (e.InnerException is SocketException s && s.SocketErrorCode == SocketError.TimedOut)
            {
            }
            catch (System.IO.IOException)
            {
                closed = true;
            }

            return received.ToArray();
        }

        [TestMethod]
        public void EachFaultDoesWhatItSays()
        {
            byte[] normal = Exchange(null, out bool closed);
            Assert.IsTrue(normal.Length > 20 && !closed, "a normal answer");
            int frame = (normal[0] << 8 | normal[1]) + 2;
            Assert.AreEqual(frame, normal.Length, "one whole frame");

            Assert.AreEqual(0, Exchange("no-answer", out closed).Length);
            Assert.AreEqual(2 * frame, Exchange("duplicate", out closed).Length, "the answer twice");
            byte[] garbled = Exchange("garbled", out closed);
            Assert.AreEqual(0xFF, garbled[0]);
            Assert.AreEqual(0xFF, garbled[1]);
            byte[] reset = Exchange("reset", out closed);
            Assert.IsTrue(reset.Length < frame && closed, "half a frame, then the connection ends");
            Exchange("refuse", out closed);
            Assert.IsTrue(closed, "the connection is turned away");
        }
    }
}
