using System;
using System.Net.Sockets;
using PosFirmware.Hal;

namespace PosFirmware.Virtual.Network;

/// <summary>
/// INetwork over a real TCP socket, for the firmware on the desktop against a real host process
/// (loopback tests, the virtual terminal). Non-blocking like the device's: Connect starts and
/// State moves on its own, Receive never blocks, Send fails past its deadline.
/// </summary>
public sealed class TcpNetworkClient : INetwork
{
    private readonly IClock _clock;
    private Socket? _socket;
    private Deadline _connectDeadline;
    private NetState _state = NetState.Closed;

    public TcpNetworkClient(IClock clock)
    {
        _clock = clock;
    }

    public bool IsLinkUp => true;

    public NetStatus LastError { get; private set; }

    public NetState State
    {
        get
        {
            if (_state == NetState.Connecting && _socket != null)
            {
                if (_socket.Poll(0, SelectMode.SelectWrite))
                {
                    _state = NetState.Connected;
                }
                else if (_socket.Poll(0, SelectMode.SelectError))
                {
                    Fail(NetStatus.Refused);
                }
                else if (_connectDeadline.HasExpired(_clock))
                {
                    Fail(NetStatus.TimedOut);
                }
            }

            return _state;
        }
    }

    public NetStatus Connect(string host, int port, Deadline deadline)
    {
        if (_state != NetState.Closed)
        {
            return NetStatus.Busy;
        }

        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false, NoDelay = true };
        _connectDeadline = deadline;
        LastError = NetStatus.Ok;
        _state = NetState.Connecting;
        try
        {
            _socket.Connect(host == "localhost" ? "127.0.0.1" : host, port);
            _state = NetState.Connected;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock || e.SocketErrorCode == SocketError.InProgress)
        {
        }
        catch (SocketException)
        {
            Fail(NetStatus.Refused);
        }

        return NetStatus.Ok;
    }

    public NetStatus Send(byte[] data, int offset, int count, Deadline deadline)
    {
        if (_state != NetState.Connected || _socket == null)
        {
            return NetStatus.NotConnected;
        }

        while (count > 0)
        {
            try
            {
                int n = _socket.Send(data, offset, count, SocketFlags.None);
                offset += n;
                count -= n;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
            {
                if (deadline.HasExpired(_clock))
                {
                    Fail(NetStatus.TimedOut);
                    return NetStatus.TimedOut;
                }

                _socket.Poll(1000, SelectMode.SelectWrite);
            }
            catch (SocketException)
            {
                Fail(NetStatus.Reset);
                return NetStatus.Reset;
            }
        }

        return NetStatus.Ok;
    }

    public int Receive(byte[] buffer, int offset, int count)
    {
        if (_state != NetState.Connected || _socket == null || _socket.Available == 0)
        {
            if (_state == NetState.Connected && _socket != null && _socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0)
            {
                Fail(NetStatus.ClosedByPeer);
            }

            return 0;
        }

        try
        {
            return _socket.Receive(buffer, offset, count, SocketFlags.None);
        }
        catch (SocketException)
        {
            Fail(NetStatus.Reset);
            return 0;
        }
    }

    public void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _state = NetState.Closed;
    }

    private void Fail(NetStatus why)
    {
        LastError = why;
        _state = NetState.Failed;
        _socket?.Dispose();
        _socket = null;
    }
}
