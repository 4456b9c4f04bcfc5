namespace PosFirmware.Hal
{
    /// <summary>
    /// The terminal's one TCP connection to its acquirer host, over Wi-Fi. Nothing here blocks
    /// past a deadline the caller gives, and Receive never blocks at all: the run loop polls, and
    /// the engine keeps its own host-response deadline as an event.
    /// The link (Wi-Fi) and the connection (TCP) are separate: a dead link must be noticed and
    /// reported, because Wi-Fi reconnect on the ESP32 is fragile (PLATFORM.md "Network").
    /// </summary>
    public interface INetwork
    {
        /// <summary>True while Wi-Fi is associated and has an address.</summary>
        bool IsLinkUp { get; }

        /// <summary>The connection's state; Connecting moves to Connected or Failed on its own.</summary>
        NetState State { get; }

        /// <summary>Why the last operation or the connection failed; Ok otherwise.</summary>
        NetStatus LastError { get; }

        /// <summary>
        /// Starts connecting; returns Ok when the attempt started (State is Connecting or
        /// Connected). If it has not connected by the deadline, State becomes Failed with TimedOut.
        /// </summary>
        NetStatus Connect(string host, int port, Deadline deadline);

        /// <summary>
        /// Sends all of data[offset .. offset+count) or fails; a send that cannot finish by the
        /// deadline fails with TimedOut and the connection is failed (bytes may be partly sent).
        /// </summary>
        NetStatus Send(byte[] data, int offset, int count, Deadline deadline);

        /// <summary>
        /// Copies up to count received bytes into buffer[offset ..] and returns how many; 0 when
        /// nothing is waiting (check State for a closed or failed connection). Never blocks.
        /// </summary>
        int Receive(byte[] buffer, int offset, int count);

        /// <summary>Closes the connection (if any) and returns to Closed. Always safe to call.</summary>
        void Close();
    }
}
