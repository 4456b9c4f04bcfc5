using nanoFramework.TestFramework;
using PosFirmware.Hal;
using PosFirmware.Virtual.Network;

namespace PosFirmware.UnitTests.Virtual
{
    [TestClass]
    public class VirtualNetworkTests
    {
        [TestMethod]
        public void ConnectTakesAHandshakeThenBothEndsTalk()
        {
            var k = new NetTestKit();
            Assert.AreEqual((int)NetStatus.Ok, (int)k.Terminal.Connect("host", 5000, Deadline.After(k.Clock, 5000)));
            Assert.AreEqual((int)NetState.Connecting, (int)k.Terminal.State);
            var server = k.Connect();
            Assert.IsNotNull(server);
            Assert.AreEqual((int)NetState.Connected, (int)k.Terminal.State);

            Assert.AreEqual((int)NetStatus.Ok, (int)k.Terminal.Send(NetTestKit.Bytes(1, 2, 3), 0, 3, Deadline.Never));
            var buf = new byte[8];
            Assert.AreEqual(0, server.Receive(buf, 0, 8)); // not arrived yet: latency
            Assert.AreEqual(3, k.ReceiveAll(server, buf));

            server.Send(NetTestKit.Bytes(9, 8), 0, 2);
            int n = 0;
            for (int i = 0; i < 10; i++)
            {
                k.Step();
                n += k.Terminal.Receive(buf, n, 8 - n);
            }

            Assert.AreEqual(2, n);
            Assert.AreEqual((byte)9, buf[0]);
        }

        [TestMethod]
        public void SegmentsArriveInOrderWhateverTheirLatency()
        {
            var k = new NetTestKit(seed: 5);
            k.Network.Faults.LatencyMinMs = 1;
            k.Network.Faults.LatencyMaxMs = 500;
            var server = k.Connect();
            for (byte i = 0; i < 100; i++)
            {
                k.Terminal.Send(new[] { i }, 0, 1, Deadline.Never);
            }

            var buf = new byte[100];
            int n = 0;
            for (int i = 0; i < 300 && n < 100; i++)
            {
                k.Step();
                n += server.Receive(buf, n, 100 - n);
            }

            Assert.AreEqual(100, n);
            for (int i = 0; i < 100; i++)
            {
                Assert.AreEqual((byte)i, buf[i]);
            }
        }

        [TestMethod]
        public void DroppedSegmentsNeverArrive()
        {
            var k = new NetTestKit();
            var server = k.Connect();
            k.Network.Faults.DropProbability = 1;
            k.Terminal.Send(NetTestKit.Bytes(1), 0, 1, Deadline.Never);
            Assert.AreEqual(0, k.ReceiveAll(server, new byte[4]));
            Assert.AreEqual(1L, k.Network.Stats.Dropped);
        }

        [TestMethod]
        public void DuplicatedSegmentsArriveTwice()
        {
            var k = new NetTestKit();
            var server = k.Connect();
            k.Network.Faults.DuplicateProbability = 1;
            k.Terminal.Send(NetTestKit.Bytes(7, 7), 0, 2, Deadline.Never);
            Assert.AreEqual(4, k.ReceiveAll(server, new byte[8]));
        }

        [TestMethod]
        public void CorruptedSegmentsDifferInExactlyOneBit()
        {
            var k = new NetTestKit();
            var server = k.Connect();
            k.Network.Faults.CorruptProbability = 1;
            var sent = new byte[16];
            k.Terminal.Send(sent, 0, sent.Length, Deadline.Never);
            var got = new byte[16];
            Assert.AreEqual(16, k.ReceiveAll(server, got));
            int flipped = 0;
            foreach (var b in got)
            {
                flipped += System.Numerics.BitOperations.PopCount(b);
            }

            Assert.AreEqual(1, flipped);
            Assert.AreEqual(0, sent[0] | sent[15]); // the sender's buffer is untouched
        }

        [TestMethod]
        public void AResetFailsBothEnds()
        {
            var k = new NetTestKit();
            var server = k.Connect();
            k.Network.Faults.ResetProbability = 1;
            k.Terminal.Send(NetTestKit.Bytes(1), 0, 1, Deadline.Never);
            k.Step();
            Assert.AreEqual((int)NetState.Failed, (int)k.Terminal.State);
            Assert.AreEqual((int)NetStatus.Reset, (int)k.Terminal.LastError);
            Assert.AreEqual((int)NetState.Failed, (int)server.State);
            Assert.AreEqual((int)NetStatus.Reset, (int)k.Terminal.Send(NetTestKit.Bytes(1), 0, 1, Deadline.Never));
        }

        [TestMethod]
        public void ResetAllFailsEveryOpenConnection()
        {
            var k = new NetTestKit();
            var server = k.Connect();
            k.Network.ResetAll();
            Assert.AreEqual((int)NetStatus.Reset, (int)k.Terminal.LastError);
            Assert.AreEqual((int)NetState.Failed, (int)server.State);
        }

        [TestMethod]
        public void APartitionTakesTheLinkDownAndLosesBytesInFlight()
        {
            var k = new NetTestKit();
            var server = k.Connect();
            k.Terminal.Send(NetTestKit.Bytes(1, 2), 0, 2, Deadline.Never);
            k.Network.SetPartitioned(true);
            Assert.IsFalse(k.Terminal.IsLinkUp);
            Assert.AreEqual((int)NetStatus.LinkDown, (int)k.Terminal.LastError);
            Assert.AreEqual((int)NetStatus.LinkDown, (int)k.Terminal.Send(NetTestKit.Bytes(3), 0, 1, Deadline.Never));
            Assert.AreEqual(0, k.ReceiveAll(server, new byte[4]));
            k.Terminal.Close();
            Assert.AreEqual((int)NetStatus.LinkDown, (int)k.Terminal.Connect("host", 5000, Deadline.After(k.Clock, 1000)));

            k.Network.SetPartitioned(false);
            Assert.IsTrue(k.Terminal.IsLinkUp);
            Assert.IsNotNull(k.Connect());
        }

        [TestMethod]
        public void ATerminalsOwnWifiCanDropAlone()
        {
            var k = new NetTestKit();
            var other = k.Network.CreateClient("other");
            k.Connect();
            k.Terminal.SetLinkUp(false);
            Assert.AreEqual((int)NetState.Failed, (int)k.Terminal.State);
            Assert.IsTrue(other.IsLinkUp);
        }

        [TestMethod]
        public void NoListenerMeansRefusedAndUnknownHostIsSaidAtOnce()
        {
            var k = new NetTestKit();
            Assert.AreEqual((int)NetStatus.UnknownHost, (int)k.Terminal.Connect("nowhere", 1, Deadline.After(k.Clock, 1000)));
            k.Terminal.Connect("host", 6000, Deadline.After(k.Clock, 1000));
            for (int i = 0; i < 5; i++)
            {
                k.Step();
            }

            Assert.AreEqual((int)NetState.Failed, (int)k.Terminal.State);
            Assert.AreEqual((int)NetStatus.Refused, (int)k.Terminal.LastError);
        }

        [TestMethod]
        public void AConnectThatCannotFinishTimesOutAtItsDeadline()
        {
            var k = new NetTestKit();
            k.Network.Faults.LatencyMinMs = k.Network.Faults.LatencyMaxMs = 5000; // a 10 s handshake
            k.Terminal.Connect("host", 5000, Deadline.After(k.Clock, 3000));
            k.Clock.Advance(2999);
            Assert.AreEqual((int)NetState.Connecting, (int)k.Terminal.State);
            k.Clock.Advance(1);
            Assert.AreEqual((int)NetState.Failed, (int)k.Terminal.State);
            Assert.AreEqual((int)NetStatus.TimedOut, (int)k.Terminal.LastError);
        }

        [TestMethod]
        public void ConnectWhileConnectedIsBusy()
        {
            var k = new NetTestKit();
            k.Connect();
            Assert.AreEqual((int)NetStatus.Busy, (int)k.Terminal.Connect("host", 5000, Deadline.Never));
        }

        [TestMethod]
        public void AnOrderlyCloseReachesThePeerAfterTheDataBeforeIt()
        {
            var k = new NetTestKit();
            var server = k.Connect();
            server.Send(NetTestKit.Bytes(4, 5), 0, 2);
            server.Close();
            var buf = new byte[4];
            int n = 0;
            for (int i = 0; i < 10; i++)
            {
                k.Step();
                n += k.Terminal.Receive(buf, n, 4 - n);
            }

            Assert.AreEqual(2, n);
            Assert.AreEqual((int)NetState.Failed, (int)k.Terminal.State);
            Assert.AreEqual((int)NetStatus.ClosedByPeer, (int)k.Terminal.LastError);
        }

        [TestMethod]
        public void RefusedAttemptsCanBeInjected()
        {
            var k = new NetTestKit();
            k.Network.Faults.RefuseProbability = 1;
            k.Terminal.Connect("host", 5000, Deadline.After(k.Clock, 1000));
            k.Step();
            k.Step();
            Assert.AreEqual((int)NetStatus.Refused, (int)k.Terminal.LastError);
            Assert.AreEqual(1L, k.Network.Stats.Refused);
        }

        [TestMethod]
        public void TheSameSeedGivesTheSameRun()
        {
            string Run(long seed)
            {
                var k = new NetTestKit(seed);
                k.Network.Faults.DropProbability = 0.2;
                k.Network.Faults.DuplicateProbability = 0.2;
                k.Network.Faults.CorruptProbability = 0.2;
                k.Network.Faults.LatencyMaxMs = 300;
                var server = k.Connect();
                for (byte i = 0; i < 50; i++)
                {
                    k.Terminal.Send(new[] { i, i }, 0, 2, Deadline.Never);
                }

                var buf = new byte[400];
                int n = k.ReceiveAll(server, buf);
                return System.Convert.ToHexString(buf, 0, n) + "@" + k.Clock.NowMs + " " + k.Network.Stats;
            }

            Assert.AreEqual(Run(11), Run(11));
            Assert.AreNotEqual(Run(11), Run(12));
        }

        [TestMethod]
        public void ABacklogOverflowIsRefused()
        {
            var k = new NetTestKit();
            var busyHost = k.Network.Listen("busy", 1, backlog: 1);
            var a = k.Network.CreateClient();
            var b = k.Network.CreateClient();
            a.Connect("busy", 1, Deadline.After(k.Clock, 1000));
            b.Connect("busy", 1, Deadline.After(k.Clock, 1000));
            for (int i = 0; i < 5; i++)
            {
                k.Step();
            }

            Assert.AreEqual(1, busyHost.PendingCount);
            Assert.IsTrue(a.State == NetState.Failed ^ b.State == NetState.Failed);
        }
    }
}
