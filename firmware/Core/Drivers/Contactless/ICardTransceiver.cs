namespace PosFirmware.Drivers.Contactless
{
    /// <summary>
    /// Sends command APDUs to the card in a reader's field and gives back its answers (STYLE.md: card
    /// protocol apart from the reader, as nanoFramework.IoT.Device's CardTransceiver). The EMV read flow
    /// runs over any reader that implements it. Never blocks: Send starts, Poll moves on.
    /// </summary>
    public interface ICardTransceiver
    {
        /// <summary>Sends apdu[0 .. length); the card must answer within timeoutMs.</summary>
        void Send(byte[] apdu, int length, int timeoutMs);

        TransceiveStatus Poll();

        /// <summary>The answer (data + SW1 SW2) after Poll returned Answered, until the next Send.</summary>
        byte[] Response { get; }

        int ResponseOffset { get; }

        int ResponseLength { get; }

        /// <summary>Stops an exchange in progress.</summary>
        void Abort();
    }
}
