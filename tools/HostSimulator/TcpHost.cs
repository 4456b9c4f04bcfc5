using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PosFirmware.Messaging.HostLink;

namespace PosFirmware.HostSimulator
{
    /// <summary>
    /// The acquirer over real TCP (loopback by default): one task per terminal connection, frames
    /// reassembled with the firmware's FrameReader, each request answered by the shared Acquirer.
    /// A garbled frame length closes that connection, as the terminal does.
    /// </summary>
    public sealed class TcpHost : IDisposable
    {
        private readonly Acquirer _acquirer;
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private Task _accepting;
        private int _connections;
        private long _answered;

        public TcpHost(Acquirer acquirer, IPAddress address, int port, HostFaults faults = null)
        {
            _acquirer = acquirer;
            Faults = faults ?? new HostFaults(1);
            _listener = new TcpListener(address, port);
        }

        /// <summary>The host's misbehaviour, changeable while it runs.</summary>
        public HostFaults Faults { get; }

        /// <summary>Faults carried out so far.</summary>
        public long FaultsInjected => Interlocked.Read(ref _faults);

        private long _faults;

        /// <summary>The port listened on (useful with port 0).</summary>
        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public long Answered => Interlocked.Read(ref _answered);

        public void Start()
        {
            _listener.Start(1024);
            _accepting = Task.Run(AcceptLoop);
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (SocketException)
                {
                    return;
                }

                Interlocked.Increment(ref _connections);
                if (Faults.Roll(Faults.RefuseConnection))
                {
                    Interlocked.Increment(ref _faults);
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Dispose();
                    continue;
                }

                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                client.NoDelay = true;
                NetworkStream stream = client.GetStream();
                var reader = new FrameReader(_acquirer.Profile.Framing);
                byte[] rx = new byte[4096];
                byte[] tx = new byte[4096];
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        int n = await stream.ReadAsync(rx, 0, rx.Length, _stop.Token);
                        if (n == 0)
                        {
                            return;
                        }

                        int used = 0;
                        while (used < n)
                        {
                            used += reader.Feed(rx, used, n - used);
                            if (reader.Status == FrameStatus.Ready)
                            {
                                byte[] answer = _acquirer.Handle(reader.Body, reader.MessageOffset, reader.MessageLength);
                                reader.Reset();
                                if (answer != null && FrameWriter.Write(_acquirer.Profile.Framing, answer, 0, answer.Length, tx, 0, out int written))
                                {
                                    if (!await Answer(client, stream, tx, written))
                                    {
                                        return;
                                    }
                                }
                            }
                            else if (reader.Status != FrameStatus.NeedMore)
                            {
                                return;
                            }
                        }
                    }
                }
                catch (Exception e) when (e is System.IO.IOException || e is SocketException || e is OperationCanceledException || e is ObjectDisposedException)
                {
                    // The terminal went away: nothing to clean up beyond the socket.
                }
            }
        }

        /// <summary>Sends one framed answer, or misbehaves as the faults say; false when the connection is to end.</summary>
        private async Task<bool> Answer(TcpClient client, NetworkStream stream, byte[] frame, int length)
        {
            HostFaults f = Faults;
            if (f.Roll(f.NoAnswer))
            {
                Interlocked.Increment(ref _faults);
                return true;
            }

            if (f.Roll(f.BadMac))
            {
                Interlocked.Increment(ref _faults);
                frame[length - 1] ^= 0x01;
            }

            if (f.Roll(f.GarbledFrame))
            {
                Interlocked.Increment(ref _faults);
                frame[0] = 0xFF;
                frame[1] = 0xFF;
            }

            if (f.Roll(f.ResetMidFrame))
            {
                Interlocked.Increment(ref _faults);
                await stream.WriteAsync(frame, 0, length / 2, _stop.Token);
                client.Client.LingerState = new LingerOption(true, 0);
                return false;
            }

            if (f.Roll(f.LateAnswer))
            {
                Interlocked.Increment(ref _faults);
                await Task.Delay(f.LateAnswerMs, _stop.Token);
            }

            await stream.WriteAsync(frame, 0, length, _stop.Token);
            Interlocked.Increment(ref _answered);
            if (f.Roll(f.DuplicateAnswer))
            {
                Interlocked.Increment(ref _faults);
                await stream.WriteAsync(frame, 0, length, _stop.Token);
            }

            return true;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _accepting?.Wait(1000);
            }
            catch (AggregateException)
            {
            }
        }
    }
}
