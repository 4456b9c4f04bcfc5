using System.Collections.Generic;
using PosFirmware.Hal;
using PosFirmware.Messaging.HostLink;
using PosFirmware.Virtual.Network;

namespace PosFirmware.HostSimulator
{
    /// <summary>
    /// The acquirer on the virtual network: accepts connections on a VirtualListener, reassembles
    /// frames, answers each through the Acquirer, and frames the answer. Pump it with the
    /// simulated clock; a garbled frame closes that connection, as a real host would.
    /// </summary>
    public sealed class VirtualEndpoint
    {
        private readonly Acquirer _acquirer;
        private readonly VirtualListener _listener;
        private readonly List<(VirtualSocket Socket, FrameReader Reader)> _open = new List<(VirtualSocket, FrameReader)>();
        private readonly byte[] _rx = new byte[4096];
        private readonly byte[] _tx = new byte[4096];

        public VirtualEndpoint(Acquirer acquirer, VirtualNetwork network, string host, int port)
        {
            _acquirer = acquirer;
            _listener = network.Listen(host, port);
        }

        /// <summary>Requests answered so far.</summary>
        public int Answered { get; private set; }

        /// <summary>While set, requests are read and applied but not answered (a host that went quiet).</summary>
        public bool Silent { get; set; }

        public void Pump()
        {
            VirtualSocket accepted;
            while ((accepted = _listener.Accept()) != null)
            {
                _open.Add((accepted, new FrameReader(_acquirer.Profile.Framing)));
            }

            for (int i = 0; i < _open.Count; i++)
            {
                var (socket, reader) = _open[i];
                if (socket.State != NetState.Connected || !Serve(socket, reader))
                {
                    socket.Close();
                    _open.RemoveAt(i--);
                }
            }
        }

        private bool Serve(VirtualSocket socket, FrameReader reader)
        {
            int n;
            while ((n = socket.Receive(_rx, 0, _rx.Length)) > 0)
            {
                int used = 0;
                while (used < n)
                {
                    used += reader.Feed(_rx, used, n - used);
                    if (reader.Status == FrameStatus.Ready)
                    {
                        byte[] answer = _acquirer.Handle(reader.Body, reader.MessageOffset, reader.MessageLength);
                        reader.Reset();
                        if (answer != null && !Silent)
                        {
                            FramingProfile f = _acquirer.Profile.Framing;
                            FrameWriter.Write(f, answer, 0, answer.Length, _tx, 0, out int written);
                            socket.Send(_tx, 0, written);
                            Answered++;
                        }
                    }
                    else if (reader.Status != FrameStatus.NeedMore)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
